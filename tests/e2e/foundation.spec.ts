/**
 * Foundation (issue 2) in the built file from file://: offline load, demo evidence, the sample case's
 * inventory and hashes, cancel, and hostile inputs — each step with a screenshot under test-results/.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Locator } from '@playwright/test';
import JSZip from 'jszip';
import { expectedFindings, hasSamples, SAMPLES_DIR, SKIP_REASON } from '../helpers/sharedSamples.ts';
import {
  DEMO_ZIP,
  GENERATED_DIR,
  REPO,
  TAB_NAMES,
  downloadFindings,
  dropEvidence,
  expect,
  fileHashes,
  largeEvidenceZip,
  openBuiltApp,
  openTab,
  shot,
  status,
  tab,
  test,
  waitForDone,
  zipEntryHashes,
  type FindingsJson,
} from './helpers.ts';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** Enough messages that an analysis is still running when Cancel is pressed, small enough to generate fast. */
const CANCEL_MESSAGES = 4000;
/** "Stops promptly": from the click to data-state=cancelled. */
const CANCEL_DEADLINE_MS = 10_000;

function validateFindings(json: FindingsJson): void {
  const schema = JSON.parse(readFileSync(join(REPO, 'tests', 'contract', 'findings.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

test.describe('built page, offline', () => {
  test('is one self-contained file with a no-network CSP', async ({ page }) => {
    await openBuiltApp(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp, 'CSP meta tag').toBeTruthy();
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
    expect(await page.locator('script[src], link[href]:not([href^="data:"])').count(), 'external scripts or links').toBe(0);
  });

  test('loads from file:// with every main view and no request', async ({ page, requests }, testInfo) => {
    await openBuiltApp(page);
    expect(page.url()).toMatch(/^file:\/\//);
    for (const name of TAB_NAMES) await expect(tab(page, name), `tab ${name}`).toBeVisible();
    await expect(page.locator('[data-testid="evidence-input"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="load-demo"]')).toBeVisible();
    await shot(page, testInfo, '01-idle');
    // Late requests (fonts, prefetch, telemetry) would come after load; give them a moment to show.
    await page.waitForTimeout(1000);
    expect(requests.urls).toEqual([]);
  });
});

test.describe('demo evidence', () => {
  test('loads in one click and lists every entry with its hashes', async ({ page }, testInfo) => {
    const expected = await zipEntryHashes(DEMO_ZIP);
    await openBuiltApp(page);
    await page.locator('[data-testid="load-demo"]').click();
    expect(await waitForDone(page)).toBe('done');
    await shot(page, testInfo, '02-demo-done');

    const panel = await openTab(page, 'Inventory');
    const ini = 'hMailServer/Bin/hMailServer.ini';
    await expect(panel).toContainText(ini);
    await expect(panel).toContainText(expected.get(ini)!.slice(0, 12));
    await shot(page, testInfo, '03-demo-inventory');

    const { json } = await downloadFindings(page, testInfo);
    validateFindings(json);
    const inventory = new Map(json.inventory.map((row) => [row.path, row]));
    for (const [path, sha256] of expected) {
      expect(inventory.get(path)?.sha256, path).toBe(sha256);
      expect(inventory.get(path)?.status, path).toBe('ok');
    }
  });
});

test.describe('sample case', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('analyses to done; findings.json carries the real evidence and inventory hashes', async ({ page, requests }, testInfo) => {
    const zipPath = join(SAMPLES_DIR, 'sample-case.zip');
    const zipBytes = readFileSync(zipPath);
    const expected = expectedFindings();

    await openBuiltApp(page);
    await dropEvidence(page, zipPath);
    expect(await waitForDone(page)).toBe('done');
    await shot(page, testInfo, '04-sample-done');
    await openTab(page, 'Inventory');
    await shot(page, testInfo, '05-sample-inventory');

    const { json } = await downloadFindings(page, testInfo);
    validateFindings(json);
    expect(json.evidence).toContainEqual(
      expect.objectContaining({ name: 'sample-case.zip', size: zipBytes.length, ...fileHashes(zipBytes) }),
    );

    const entries = json.inventory.filter((row) => row.path !== 'sample-case.zip');
    const actual = Object.fromEntries(entries.map((row) => [row.path, row.sha256]));
    expect(entries).toHaveLength(expected.counts.inventoryEntries);
    expect(actual).toEqual(expected.sha256);
    for (const row of json.inventory) {
      expect(row.md5, row.path).toMatch(HEX32);
      expect(row.sha256, row.path).toMatch(HEX64);
    }
    expect(requests.urls).toEqual([]);
  });
});

test.describe('cancel', () => {
  test('stops a long analysis promptly and the page stays usable', async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const zipPath = largeEvidenceZip(CANCEL_MESSAGES);
    await openBuiltApp(page);
    await dropEvidence(page, zipPath);
    await expect(status(page)).toHaveAttribute('data-state', 'running');
    await expect(status(page)).toContainText(/\d/);
    await shot(page, testInfo, '06-running');

    const clicked = Date.now();
    await page.locator('[data-testid="cancel-analysis"]').click();
    await expect(status(page)).toHaveAttribute('data-state', 'cancelled', { timeout: CANCEL_DEADLINE_MS });
    expect(Date.now() - clicked).toBeLessThan(CANCEL_DEADLINE_MS);
    await shot(page, testInfo, '07-cancelled');
    // Workers that kept going would flip the state again.
    await page.waitForTimeout(2000);
    await expect(status(page)).toHaveAttribute('data-state', 'cancelled');

    await page.locator('[data-testid="load-demo"]').click();
    expect(await waitForDone(page)).toBe('done');
  });
});

interface BadInput {
  name: string;
  bytes: Buffer;
  /** Inventory rows (by a unique part of their path) that must say error or skipped. */
  failingRows: string[];
  /** Rows that must still be ok: the rest of the evidence is processed. */
  okRows?: string[];
}

/** A zip whose first entry's deflate stream starts with the reserved block type 3: inflating it must fail. */
async function zipWithCorruptEntry(): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2024, 0, 1));
  zip.file('hMailServer/Data/broken.example/eve/AB/{AB000000-0000-4000-8000-000000000001}.eml',
    'From: a@b.example\r\nSubject: will be corrupted\r\n\r\n' + 'body line\r\n'.repeat(200), { date, createFolders: false });
  zip.file('hMailServer/Logs/hmailserver_2024-01-01.log',
    '"APPLICATION"\t100\t"2024-01-01 00:00:00.000"\t"Servers started."\r\n', { date, createFolders: false });
  const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  const dataStart = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
  bytes[dataStart] = 0xff;
  return bytes;
}

async function badInputs(): Promise<BadInput[]> {
  const valid = await zipWithCorruptEntry();
  const random = Buffer.alloc(4096);
  let x = 0x12345678;
  for (let i = 0; i < random.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    random[i] = x >>> 24;
  }
  random[0] = 0x00; // no magic number of any known format
  const emptyZip = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  return [
    { name: 'truncated.zip', bytes: valid.subarray(0, Math.floor(valid.length * 0.6)), failingRows: ['truncated.zip'] },
    {
      name: 'corrupt-entry.zip',
      bytes: valid,
      failingRows: ['{AB000000-0000-4000-8000-000000000001}.eml'],
      okRows: ['hmailserver_2024-01-01.log'],
    },
    { name: 'empty.zip', bytes: emptyZip, failingRows: ['empty.zip'] },
    { name: 'empty-message.eml', bytes: Buffer.alloc(0), failingRows: ['empty-message.eml'] },
    { name: 'unknown.bin', bytes: random, failingRows: ['unknown.bin'] },
  ];
}

/** The Inventory table's row whose path (its first column) is `name` or ends with `/name`. */
function inventoryRow(panel: Locator, name: string): Locator {
  const path = new RegExp(`(^|[/\\s])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const firstCell = panel.page().locator(':is([role="cell"], td):first-child').filter({ hasText: path });
  return panel.getByRole('row').filter({ has: firstCell }).first();
}

const CLEAR_MESSAGE =
  /error|corrupt|damaged|empty|unknown|unrecogni[sz]ed|not recogni|invalid|skipped|could not|cannot|failed|truncated|not a zip|no (hMailServer )?evidence|nothing/i;

test.describe('hostile input', () => {
  test('each bad file gives a clear message and an inventory row, never a blank page', async ({ page }, testInfo) => {
    const dir = join(GENERATED_DIR, 'bad-inputs');
    mkdirSync(dir, { recursive: true });
    await openBuiltApp(page);
    for (const input of await badInputs()) {
      await test.step(input.name, async () => {
        const path = join(dir, input.name);
        writeFileSync(path, input.bytes);
        expect(statSync(path).size).toBe(input.bytes.length);
        await dropEvidence(page, path);
        const state = await waitForDone(page);
        expect(['done', 'error']).toContain(state);

        const message = [await status(page).innerText(), ...(await page.getByRole('alert').allInnerTexts())].join('\n');
        expect(message, `message shown for ${input.name}`).toMatch(CLEAR_MESSAGE);
        await expect(page.getByRole('tablist')).toBeVisible();
        expect((await page.locator('body').innerText()).trim().length).toBeGreaterThan(50);
        await shot(page, testInfo, `08-bad-${input.name}`);

        const panel = await openTab(page, 'Inventory');
        for (const part of input.failingRows) {
          const row = inventoryRow(panel, part);
          await expect(row, `inventory row for ${part}`).toBeVisible();
          await expect(row).toContainText(/error|skipped/i);
        }
        for (const part of input.okRows ?? []) {
          const row = inventoryRow(panel, part);
          await expect(row, `inventory row for ${part}`).toBeVisible();
          await expect(row).not.toContainText(/error|skipped/i);
        }
        await shot(page, testInfo, `09-bad-${input.name}-inventory`);

        if (state === 'done') {
          const { json } = await downloadFindings(page);
          for (const part of input.failingRows) {
            const rows = json.inventory.filter((r) => r.path.includes(part));
            expect(rows.length, `findings.json inventory row for ${part}`).toBeGreaterThan(0);
            for (const r of rows) {
              expect(['error', 'skipped']).toContain(r.status);
              expect(r.error, `reason for ${r.path}`).toBeTruthy();
            }
          }
        }
      });
    }
  });
});
