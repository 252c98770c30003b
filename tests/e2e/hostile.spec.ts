/**
 * Issue 15: the hostile corpus (tests/generate/hostileCorpus.mjs) against the built page. In CI a
 * representative set (the cases marked `ci`) runs; `npm run fuzz` (HOSTILE_FUZZ=1) runs every case plus
 * seeded random ones and prints a table of cases × outcome. Each case: the analysis ends as done or with
 * a specific error, every tab is clicked and still answers, no page error, no request, no injected script
 * ran in any frame, the good parts remain. Cases run one after another in one page (dropping new evidence
 * starts a new analysis, as the test hook promises), so the run pays the page's start-up once, not per
 * case; a case that crashes the page gets a fresh one for the cases after it.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { GENERATED_DIR, REPO, TAB_NAMES, builtFileUrl, expect, recordRequests, status, tab, type RequestRecorder } from './helpers.ts';
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

/** One page for the whole worker, with its requests and uncaught errors recorded from the start. */
interface SharedPage {
  page: Page;
  requests: RequestRecorder;
  errors: string[];
  crashed: boolean;
  /** A new page in place of one that crashed. */
  renew(): Promise<void>;
}

const test = base.extend<object, { shared: SharedPage }>({
  shared: [
    async ({ browser }, use) => {
      const context: BrowserContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
      const shared = { requests: recordRequests(context), errors: [] as string[], crashed: false } as SharedPage;
      shared.renew = async () => {
        if (shared.page && !shared.page.isClosed()) await shared.page.close().catch(() => undefined);
        shared.page = await context.newPage();
        shared.crashed = false;
        shared.page.on('pageerror', (error) => shared.errors.push(error.stack ?? error.message));
        shared.page.on('crash', () => (shared.crashed = true));
        await shared.page.goto(builtFileUrl());
        await expect(status(shared.page)).toHaveAttribute('data-state', 'idle');
      };
      await shared.renew();
      await use(shared);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/** Sets the files and waits until a new analysis (a change of data-state after this call) has settled. */
async function analyse(page: Page, files: { name: string; buffer: Buffer }[], timeout: number): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="analysis-status"]') as HTMLElement;
    const w = window as unknown as { __hostileChanges: number };
    w.__hostileChanges = 0;
    new MutationObserver((records) => (w.__hostileChanges += records.length)).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.locator('[data-testid="evidence-input"]').setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/octet-stream' })));
  await page.waitForFunction(
    () => (window as unknown as { __hostileChanges: number }).__hostileChanges > 0 && /^(done|error)$/.test(document.querySelector('[data-testid="analysis-status"]')?.getAttribute('data-state') ?? ''),
    null,
    { timeout, polling: 100 },
  );
}
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

/**
 * Clicks every tab and waits for it to be selected (the page still answers), and for messages every section
 * of the first two, with the HTML body shown: rendering is what is under test.
 */
async function clickThrough(page: Page): Promise<void> {
  for (const name of TAB_NAMES) {
    await tab(page, name).click({ timeout: 5_000 });
    await expect(tab(page, name), `the ${name} tab answers`).toHaveAttribute('aria-selected', 'true', { timeout: 5_000 });
    if (name !== 'Messages') continue;
    const rows = page.getByRole('table', { name: 'Messages' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    const count = Math.min(2, await rows.count().catch(() => 0));
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
  // Lets a payload that slipped into a frame run before the check looks for it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
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
    test(`${c.id}: ${c.title}`, async ({ shared }) => {
      if (shared.crashed || shared.page.isClosed()) await shared.renew();
      const { page } = shared;
      const [errorsBefore, requestsBefore] = [shared.errors.length, shared.requests.urls.length];
      let state: HostileObservation['state'] = 'timeout';
      try {
        await analyse(page, c.files.map((f) => ({ name: f.name.split('/').pop()!, buffer: readFileSync(f.path) })), SETTLE_MS);
        state = (await status(page).getAttribute('data-state')) as 'done' | 'error';
      } catch {
        state = shared.crashed ? 'page-crashed' : 'timeout';
      }
      const crashed = shared.crashed;
      const statusText = crashed ? '' : await status(page).innerText().catch(() => '');
      let lost = c.good;
      let accounts: number | null = null;
      let tabsAnswer = true;
      if (state === 'done') {
        await clickThrough(page).catch(() => (tabsAnswer = false));
        const json = await findingsJson(page);
        const ok = new Set(json?.inventory.filter((r) => r.status === 'ok').map((r) => r.path) ?? []);
        lost = c.good.filter((p) => !ok.has(p));
        accounts = json ? json.server.accounts.length : null;
      }
      const observation: HostileObservation = {
        state,
        statusText,
        pageErrors: shared.errors.slice(errorsBefore),
        requests: shared.requests.urls.slice(requestsBefore),
        scriptRan: !shared.crashed && (await scriptRan(page)),
        lost,
        accounts,
        minAccounts: c.minAccounts ?? 0,
      };
      const outcome = hostileOutcome(observation);
      const note = outcome === 'loss' ? `lost ${lost.join(', ') || `accounts (${accounts})`}` : outcome === 'crash' ? (observation.pageErrors[0] ?? 'page crashed') : statusText.replace(/\s+/g, ' ');
      appendFileSync(OUTCOMES, `${JSON.stringify({ id: c.id, outcome, note } satisfies Result)}\n`);

      expect(observation.scriptRan, 'an injected script ran').toBe(false);
      expect(observation.requests, 'network requests made by the page').toEqual([]);
      expect(observation.pageErrors, 'uncaught errors in the page').toEqual([]);
      expect(tabsAnswer, 'every tab still answers after the analysis').toBe(true);
      expect(state, `settled as done or error within ${SETTLE_MS} ms`).toMatch(/^(done|error)$/);
      if (state === 'error') expect(statusText, 'the error names what failed').toMatch(/\w{4,}.*\w{4,}/);
      expect(lost, 'good evidence still read').toEqual([]);
      if (c.minAccounts) expect(accounts ?? 0, 'accounts still loaded').toBeGreaterThanOrEqual(c.minAccounts);
    });
  }
});
