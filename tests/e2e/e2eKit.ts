/**
 * Shared by the issue 3–7 browser specs: run an analysis to done, catch a download from any control,
 * count the rows a table view shows, parse CSV (RFC 4180), and build the evidence variants they drop.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import JSZip from 'jszip';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { SAMPLES_DIR } from '../helpers/sharedSamples.ts';
import { referenceCaseDb } from '../unit/database/dbTestKit.ts';
import { GENERATED_DIR, REPO, dropEvidence, expect, openBuiltApp, openTab, status, waitForDone, type FindingsJson } from './helpers.ts';

export const SAMPLE_ZIP = join(SAMPLES_DIR, 'sample-case.zip');
export const SAMPLE_ZONE = join(SAMPLES_DIR, 'sample-dns.zone');
export const DB_FIXTURES = join(REPO, 'tests', 'fixtures', 'database');
export const DKIM_FIXTURES = join(REPO, 'tests', 'fixtures', 'mail', 'dkim');
/** Where the specs write the evidence they make (git-ignored). */
export const E2E_GENERATED = join(GENERATED_DIR, 'e2e');

type Evidence = Parameters<typeof dropEvidence>[1];

/** Opens the built page, drops the evidence and waits (`timeout` ms at most) for the analysis to end as done. */
export async function analyse(page: Page, evidence: Evidence, timeout?: number): Promise<void> {
  await openBuiltApp(page);
  await dropEvidence(page, evidence);
  expect(await waitForDone(page, timeout), await status(page).innerText()).toBe('done');
}

export interface Downloaded {
  name: string;
  bytes: Buffer;
  text: string;
  /** The copy kept with the test's artifacts (when a TestInfo was given). */
  path: string | null;
}

/** Clicks the control and returns the file it downloads. */
export async function downloadFrom(page: Page, control: Locator, testInfo?: TestInfo): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  const bytes = readFileSync(await download.path());
  let path: string | null = null;
  if (testInfo) {
    path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
  }
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8'), path };
}

/** The "N rows" count a VirtualTable shows beside its toolbar. */
export async function shownRows(scope: Locator): Promise<number> {
  const text = await scope.getByText(/^[\d,]+ rows$/).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Waits until the table in scope shows exactly `count` rows. */
export async function expectRows(scope: Locator, count: number, message?: string): Promise<void> {
  await expect(scope.getByText(/^[\d,]+ rows$/).first(), message).toHaveText(`${count.toLocaleString('en')} rows`);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at offset ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break at offset ${i}: RFC 4180 records end in CRLF`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function validateFindingsSchema(json: unknown): void {
  const schema = JSON.parse(readFileSync(join(REPO, 'tests', 'contract', 'findings.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

export function writeGenerated(name: string, bytes: Uint8Array | string): string {
  mkdirSync(E2E_GENERATED, { recursive: true });
  const path = join(E2E_GENERATED, name);
  writeFileSync(path, bytes);
  return path;
}

/** The sample's SQLite plus tests/fixtures/database/extra-rows.sql: the data every dump fixture holds. */
export async function referenceSqlitePath(): Promise<string> {
  const db = await referenceCaseDb();
  const bytes = db.export();
  db.close();
  return writeGenerated('reference-hMailServer.sqlite', bytes);
}

/** The sample case without its database, so a dump of that database can be dropped beside its message files. */
export async function sampleWithoutDatabasePath(): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_ZIP));
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name.startsWith('hMailServer/Database/')) continue;
    out.file(entry.name, await entry.async('uint8array'), { date: entry.date, createFolders: false });
  }
  return writeGenerated('sample-without-database.zip', await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

export type Finding = { type: string; severity: string; ref: Record<string, string>; summary: string; details: Record<string, unknown> };
export type Message = { path: string; account: string | null; subject: string | null; from: string | null; sha256: string; attachments: { filename: string; sha256: string }[] };

export function findingsOf(json: FindingsJson): Finding[] {
  return json.findings as Finding[];
}

export function messagesOf(json: FindingsJson): Message[] {
  return json.messages as Message[];
}

/** The <dd> that follows the <dt> with exactly this text, inside scope. */
export function definition(scope: Locator, term: string): Locator {
  return scope.locator('dt').filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** The value cell of a two-column label/value table row whose first cell is exactly `label`. */
export function valueCell(scope: Locator, label: string): Locator {
  return scope
    .locator('tr')
    .filter({ has: scope.page().locator('td:first-child', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .locator('td')
    .nth(1);
}

/** The selected main view's panel (the first tabpanel: a message or session view nests its own). */
export async function openView(page: Page, name: string): Promise<Locator> {
  await openTab(page, name);
  return page.locator('[role="tabpanel"][id^="panel-"]:not([hidden])');
}

/**
 * Rows the Messages tab lists: every message file, plus one row per database message whose file is
 * missing (a missing-file finding), so the examiner sees it too.
 */
export function listedMessages(json: FindingsJson): { path: string; account: string | null }[] {
  const files = messagesOf(json).map((m) => ({ path: m.path, account: m.account }));
  const known = new Set(files.map((m) => m.path));
  const missing = [...new Set(findingsOf(json).filter((f) => f.type === 'missing-file').map((f) => f.ref.message))]
    .filter((path) => !known.has(path))
    .map((path) => {
      const m = /Data\/([^/]+)\/([^/]+)\//.exec(path);
      return { path, account: m ? `${m[2]}@${m[1]}` : null };
    });
  return [...files, ...missing];
}
