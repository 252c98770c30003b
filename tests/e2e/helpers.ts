/**
 * Shared handles for browser tests of the built page: open it from file://, record every network
 * attempt and uncaught page error, drive the test hooks of ../shared/reference/test-hooks.md.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { test as base, expect, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT_FILE = join(REPO, 'dist', 'hmail-triage.html');
export const DEMO_ZIP = join(REPO, 'src', 'assets', 'demo', 'demo-evidence.zip');
export const GENERATED_DIR = join(REPO, 'tests', '.generated');

/** The eight main views every release keeps (test-hooks.md). */
export const TAB_NAMES = ['Overview', 'Messages', 'Indicators', 'Timeline', 'Logs', 'Accounts', 'SQL', 'Inventory'];

/** Schemes that never leave the machine; anything else the page asks for is a network attempt. */
const LOCAL_SCHEMES = new Set(['file:', 'data:', 'blob:']);

export type AnalysisState = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface RequestRecorder {
  /** URLs of every non-local request attempted so far, including ones CSP then blocked. */
  readonly urls: string[];
}

/** Records attempts, not only successful loads: Playwright reports a request even when CSP blocks it. */
export function recordRequests(context: BrowserContext): RequestRecorder {
  const urls: string[] = [];
  const note = (url: string) => {
    if (!LOCAL_SCHEMES.has(new URL(url).protocol)) urls.push(url);
  };
  context.on('request', (request) => note(request.url()));
  context.on('page', (page) => page.on('websocket', (ws) => urls.push(ws.url())));
  for (const page of context.pages()) page.on('websocket', (ws) => urls.push(ws.url()));
  return { urls };
}

export function builtFileUrl(): string {
  return pathToFileURL(BUILT_FILE).href;
}

export function status(page: Page): Locator {
  return page.locator('[data-testid="analysis-status"]');
}

export async function openBuiltApp(page: Page): Promise<void> {
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run "npm run build" first`);
  await page.goto(builtFileUrl());
  await expect(status(page)).toHaveAttribute('data-state', 'idle');
}

type FileInput = string | { name: string; mimeType: string; buffer: Buffer };

/** Starts an analysis of exactly these files, as a drop would (test-hooks.md). */
export async function dropEvidence(page: Page, files: FileInput | FileInput[]): Promise<void> {
  const list = Array.isArray(files) ? files : [files];
  await page.locator('[data-testid="evidence-input"]').setInputFiles(list as Parameters<Locator['setInputFiles']>[0]);
}

/** Waits until the analysis settles as done or error and returns which. */
export async function waitForDone(page: Page, timeout = 120_000): Promise<AnalysisState> {
  await expect(status(page)).toHaveAttribute('data-state', /^(done|error)$/, { timeout });
  return (await status(page).getAttribute('data-state')) as AnalysisState;
}

export interface DownloadedFindings {
  text: string;
  // Parsed findings.json; shape checked by the schema, so tests index it loosely.
  json: FindingsJson;
}

export interface FindingsJson {
  schema: string;
  evidence: { name: string; size: number; md5: string; sha256: string }[];
  inventory: { path: string; kind: string; size: number; md5: string; sha256: string; status: string; error?: string }[];
  [section: string]: unknown;
}

/** Clicks the export button and returns findings.json; a copy is kept with the test's artifacts. */
export async function downloadFindings(page: Page, testInfo?: TestInfo): Promise<DownloadedFindings> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-findings-json"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('findings.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  if (testInfo) await download.saveAs(testInfo.outputPath('findings.json'));
  return { text, json: JSON.parse(text) as FindingsJson };
}

export function tab(page: Page, name: string): Locator {
  return page.getByRole('tab', { name });
}

export async function openTab(page: Page, name: string): Promise<Locator> {
  await tab(page, name).click();
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel');
}

/** A full-page screenshot saved under test-results/ and attached to the report. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export function fileHashes(bytes: Uint8Array): { md5: string; sha256: string } {
  return {
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Path → SHA-256 of every file entry of a zip, computed in Node as the reference for the page's hashes. */
export async function zipEntryHashes(zipPath: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const hashes = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) hashes.set(entry.name, fileHashes(await entry.async('uint8array')).sha256);
  }
  return hashes;
}

/** A Data-folder zip of `count` synthetic messages (tests/generate/largeEvidence.mjs), reused when cached. */
export function largeEvidenceZip(count: number): string {
  const out = execFileSync(process.execPath, [join(REPO, 'tests/generate/largeEvidence.mjs'), '--count', String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').at(-1)!;
}

/**
 * Every test gets a page whose network attempts and uncaught errors are recorded; both must be zero
 * when the test ends — the app runs offline and never crashes, whatever the evidence.
 */
export const test = base.extend<{ requests: RequestRecorder; pageErrors: string[] }>({
  requests: [
    async ({ context }, use) => {
      const recorder = recordRequests(context);
      await use(recorder);
      expect(recorder.urls, 'network requests made by the page').toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
