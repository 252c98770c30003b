/**
 * Issue 15: the hostile corpus (tests/generate/hostileCorpus.mjs) against the built page. In CI a
 * representative set (the cases marked `ci`) runs; `npm run fuzz` (HOSTILE_FUZZ=1) runs every case plus
 * seeded random ones and prints a table of cases × outcome. Each case: the analysis ends as done or with
 * a specific error, no page error, no request, no injected script ran in any frame, the good parts remain.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { GENERATED_DIR, REPO, TAB_NAMES, builtFileUrl, expect, status, tab, test } from './helpers.ts';
import { hostileOutcome, outcomeTable, type HostileObservation, type HostileOutcome } from './hostileOutcome.ts';

interface ManifestCase {
  id: string;
  cls: string;
  title: string;
  files: { name: string; path: string }[];
  good: string[];
  ci?: boolean;
  minAccounts?: number;
}

const FUZZ = process.env.HOSTILE_FUZZ === '1';
const SEED = process.env.HOSTILE_SEED ?? '1';
const RANDOM = process.env.HOSTILE_RANDOM ?? '40';
const MANIFEST = join(GENERATED_DIR, 'hostile', 'manifest.json');
/** A case that has not settled by then is a hang. */
const SETTLE_MS = Number(process.env.HOSTILE_SETTLE_MS ?? 90_000);
const PWNED = '__hostilePwned';

function loadManifest(): ManifestCase[] {
  const wantRandom = FUZZ ? ['--random', SEED, RANDOM] : [];
  const stale = !existsSync(MANIFEST) || (FUZZ && !readFileSync(MANIFEST, 'utf8').includes('"random/'));
  if (stale) execFileSync(process.execPath, [join(REPO, 'tests/generate/hostileCorpus.mjs'), ...wantRandom], { stdio: 'ignore' });
  const all = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ManifestCase[];
  return FUZZ ? all : all.filter((c) => c.ci);
}

const cases = loadManifest();
/**
 * Outcomes go to a file, one JSON line per case: Playwright starts a fresh worker (and module state)
 * after every failed test, so an array here would keep only the cases since the last failure.
 */
const OUTCOMES = join(GENERATED_DIR, 'hostile', FUZZ ? 'fuzz-outcomes.jsonl' : 'ci-outcomes.jsonl');
type Result = { id: string; outcome: HostileOutcome; note: string };

function outcomesOfThisSelection(): Result[] {
  const latest = new Map<string, Result>();
  if (existsSync(OUTCOMES)) {
    for (const line of readFileSync(OUTCOMES, 'utf8').split('\n')) if (line) latest.set((JSON.parse(line) as Result).id, JSON.parse(line) as Result);
  }
  return cases.flatMap((c) => latest.get(c.id) ?? []);
}

async function scriptRan(page: Page): Promise<boolean> {
  for (const frame of page.frames()) {
    const ran = await frame.evaluate((name) => (window as unknown as Record<string, unknown>)[name] !== undefined, PWNED).catch(() => false);
    if (ran) return true;
  }
  return false;
}

/** Visits every view, and for messages every section of the first few, with short timeouts: rendering is what is under test. */
async function clickThrough(page: Page): Promise<void> {
  for (const name of TAB_NAMES) {
    await tab(page, name).click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(150);
    if (name !== 'Messages') continue;
    const rows = page.getByRole('table', { name: 'Messages' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    const count = Math.min(4, await rows.count().catch(() => 0));
    for (let i = 0; i < count; i++) {
      await rows.nth(i).click({ timeout: 3_000 }).catch(() => undefined);
      const view = page.getByRole('article', { name: 'Message' });
      for (const section of await view.getByRole('tab').all().catch(() => [])) {
        await section.click({ timeout: 2_000 }).catch(() => undefined);
        const html = view.getByRole('button', { name: /Show HTML/ });
        if (await html.count().catch(() => 0)) await html.first().click({ timeout: 2_000 }).catch(() => undefined);
      }
    }
  }
  await page.waitForTimeout(500);
}

async function findingsJson(page: Page): Promise<{ inventory: { path: string; status: string }[]; server: { accounts: unknown[] } } | null> {
  try {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.locator('[data-testid="export-findings-json"]').click({ timeout: 5_000 })]);
    return JSON.parse(readFileSync(await download.path(), 'utf8'));
  } catch {
    return null;
  }
}

test.describe(`hostile corpus (${FUZZ ? 'all cases' : 'CI set'}: ${cases.length})`, () => {
  test.setTimeout(SETTLE_MS + 120_000);

  test.afterAll(() => {
    const results = outcomesOfThisSelection();
    if (results.length === 0) return;
    const table = outcomeTable(results);
    writeFileSync(OUTCOMES.replace(/\.jsonl$/, '.txt'), `${table}\n`);
    if (FUZZ) console.log(`\n${table}`);
  });

  for (const c of cases) {
    test(`${c.id}: ${c.title}`, async ({ page, pageErrors, requests }) => {
      let crashed = false;
      page.on('crash', () => {
        crashed = true;
      });
      await page.goto(builtFileUrl());
      await expect(status(page)).toHaveAttribute('data-state', 'idle');
      await page.locator('[data-testid="evidence-input"]').setInputFiles(c.files.map((f) => ({ name: f.name.split('/').pop()!, mimeType: 'application/octet-stream', buffer: readFileSync(f.path) })));
      let state: HostileObservation['state'] = 'timeout';
      try {
        await expect(status(page)).toHaveAttribute('data-state', /^(done|error)$/, { timeout: SETTLE_MS });
        state = (await status(page).getAttribute('data-state')) as 'done' | 'error';
      } catch {
        state = crashed ? 'page-crashed' : 'timeout';
      }
      const statusText = crashed ? '' : await status(page).innerText().catch(() => '');
      let lost = c.good;
      let accounts: number | null = null;
      if (state === 'done') {
        await clickThrough(page);
        const json = await findingsJson(page);
        const ok = new Set(json?.inventory.filter((r) => r.status === 'ok').map((r) => r.path) ?? []);
        lost = c.good.filter((p) => !ok.has(p));
        accounts = json ? json.server.accounts.length : null;
      }
      const observation: HostileObservation = {
        state,
        statusText,
        pageErrors: [...pageErrors],
        requests: [...requests.urls],
        scriptRan: !crashed && (await scriptRan(page)),
        lost,
        accounts,
        minAccounts: c.minAccounts ?? 0,
      };
      const outcome = hostileOutcome(observation);
      const note = outcome === 'loss' ? `lost ${lost.join(', ') || `accounts (${accounts})`}` : outcome === 'crash' ? (pageErrors[0] ?? 'page crashed') : statusText.replace(/\s+/g, ' ');
      appendFileSync(OUTCOMES, `${JSON.stringify({ id: c.id, outcome, note } satisfies Result)}\n`);

      expect(observation.scriptRan, 'an injected script ran').toBe(false);
      expect(state, `settled as done or error within ${SETTLE_MS} ms`).toMatch(/^(done|error)$/);
      if (state === 'error') expect(statusText, 'the error names what failed').toMatch(/\w{4,}.*\w{4,}/);
      expect(lost, 'good evidence still read').toEqual([]);
      if (c.minAccounts) expect(accounts ?? 0, 'accounts still loaded').toBeGreaterThanOrEqual(c.minAccounts);
    });
  }
});
