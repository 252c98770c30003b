/**
 * Browser tests against the built single file (dist/hmail-triage.html) opened from file://, in Debian's
 * Chromium (HMAIL_CHROMIUM or /usr/bin/chromium) or, when neither exists, Playwright's own browser
 * (../tools/chromium.mjs, shared with the benchmark).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.ts',
  outputDir: join(repo, 'test-results', 'e2e'),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1400, height: 900 },
    launchOptions: chromiumLaunchOptions(),
  },
});
