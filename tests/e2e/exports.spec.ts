/**
 * Issue 7 in the built page from file://: the HTML report (self-contained, every section, prints to PDF),
 * CSV of table views (RFC 4180), the selected messages as a zip with a manifest of hashes, and the case
 * database saved and dropped back into a fresh page with its bookmark and case details.
 */
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { expectedFindings, hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { downloadFindings, dropEvidence, expect, openBuiltApp, shot, status, test, waitForDone, type FindingsJson } from './helpers.ts';
import {
  SAMPLE_ZIP,
  SAMPLE_ZONE,
  analyse,
  downloadFrom,
  expectRows,
  findingsOf,
  listedMessages,
  messagesOf,
  openView,
  parseCsv,
  sha256,
} from './e2eKit.ts';

const CASE = { examiner: 'E. Xaminer', caseNumber: 'CASE-2024-0042', notes: 'Seized 2024-05-14 from the mail server.\nImage verified twice.' };
const BOOKMARK = { subject: 'Invoice', tags: 'malware, evidence', note: 'Executable disguised as a PDF.' };
const INVOICE = 'hMailServer/Data/northwind.example/bob/C7/{C75FB7C4-CBA0-4CF4-A243-485444A62E32}.eml';

async function enterCaseDetails(page: Page): Promise<void> {
  const form = page.getByRole('region', { name: 'Case' });
  await form.locator('summary', { hasText: 'Case details' }).click();
  await form.getByLabel('Examiner').fill(CASE.examiner);
  await form.getByLabel('Case number').fill(CASE.caseNumber);
  await form.getByLabel('Notes').fill(CASE.notes);
  await form.getByRole('button', { name: 'Save case details' }).click();
  await expect(form.getByText(`Case details: ${CASE.caseNumber}`)).toBeVisible();
  await expect(form.getByText('(unsaved)')).toHaveCount(0);
}

/** Opens the message with exactly this subject and bookmarks it with tags and a note. */
async function bookmark(page: Page, subject: string, tags: string, note: string): Promise<void> {
  const panel = await openView(page, 'Messages');
  await panel.getByRole('searchbox', { name: 'Search messages' }).fill(subject);
  const row = panel.getByRole('table', { name: 'Messages' }).getByRole('row').filter({ has: page.getByRole('cell', { name: subject, exact: true }) });
  await row.click();
  const view = page.getByRole('article', { name: 'Message' });
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(subject);
  await view.getByRole('button', { name: /Bookmark/ }).click();
  await view.getByLabel('Tags').fill(tags);
  await view.getByLabel('Note').fill(note);
  await view.getByRole('button', { name: 'Save bookmark' }).click();
  await expect(view).toContainText(`Bookmarked: ${tags}`);
  await view.getByRole('button', { name: 'Close message' }).click();
  await panel.getByRole('searchbox', { name: 'Search messages' }).fill('');
}

/** findings.json without the run block, which is allowed to differ between two exports of the same case. */
function withoutRun(json: FindingsJson): Omit<FindingsJson, 'run'> {
  const { run: _run, ...rest } = json;
  return rest;
}

function section(report: Page, id: string): Locator {
  return report.locator(`section#${id}`);
}

test.describe('exports and cases (issue 7)', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('HTML report: no request when opened, every section, prints to PDF', async ({ page, requests }, testInfo) => {
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    await enterCaseDetails(page);
    await bookmark(page, BOOKMARK.subject, BOOKMARK.tags, BOOKMARK.note);
    const { json } = await downloadFindings(page);

    const file = await downloadFrom(page, page.locator('[data-testid="export-report"]'), testInfo);
    expect(file.name).toMatch(/\.html$/);
    expect(file.text, 'no external resource referenced').not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);

    const report = await page.context().newPage();
    const reportErrors: string[] = [];
    report.on('pageerror', (e) => reportErrors.push(e.message));
    await report.goto(pathToFileURL(file.path!).href);
    await report.waitForLoadState('load');
    await report.waitForTimeout(1000);
    expect(requests.urls, 'network requests while the report is open').toEqual([]);
    expect(reportErrors).toEqual([]);
    await shot(report, testInfo, 'exp-01-report');

    const caseSection = section(report, 'case');
    await expect(caseSection).toContainText(CASE.examiner);
    await expect(caseSection).toContainText(CASE.caseNumber);
    await expect(caseSection.locator('pre')).toHaveText(CASE.notes);

    const evidence = report.locator('#evidence');
    for (const e of json.evidence) {
      const row = evidence.getByRole('row').filter({ hasText: e.name });
      await expect(row).toContainText(e.md5);
      await expect(row).toContainText(e.sha256);
    }

    await expect(caseSection).toContainText('sqlite, schema 5601');
    await expect(caseSection).toContainText(`${expectedFindings().maxMessageId.toLocaleString('en-US')} (`);
    const configuration = section(report, 'configuration');
    await expect(configuration.getByRole('row').filter({ hasText: 'Attachment blocking' })).toContainText('off');

    const indicators = section(report, 'findings');
    const findings = findingsOf(json);
    await expect(indicators.locator('.finding')).toHaveCount(findings.length);
    for (const type of new Set(findings.map((f) => f.type))) await expect(indicators, type).toContainText(type);
    const severities = await indicators.locator('.finding .sev').allInnerTexts();
    const rank = { high: 3, medium: 2, low: 1, info: 0 } as Record<string, number>;
    expect(severities.map((s) => rank[s.trim().toLowerCase()]), 'by severity').toEqual([...severities.map((s) => rank[s.trim().toLowerCase()])].sort((a, b) => b - a));

    const timeline = section(report, 'timeline');
    expect(await timeline.locator('svg rect').count(), 'bars of the timeline chart').toBeGreaterThan(0);

    const bookmarks = section(report, 'bookmarks');
    await expect(bookmarks).toContainText(BOOKMARK.subject);
    await expect(bookmarks).toContainText(INVOICE);
    await expect(bookmarks).toContainText(BOOKMARK.tags);
    await expect(bookmarks).toContainText(BOOKMARK.note);
    await expect(bookmarks.getByRole('row').filter({ hasText: 'Return-Path' }), 'the bookmarked message with its key headers').toContainText('billing@contoso.example');

    // The inventory is summarised; its full hash list is a CSV embedded in the report.
    const inventory = section(report, 'inventory');
    const href = await inventory.locator('a[download="inventory-hashes.csv"]').getAttribute('href');
    const hashList = parseCsv(Buffer.from(href!.split(',')[1], 'base64').toString('utf8'));
    expect(hashList.length - 1, 'every inventory entry in the hash list').toBe(json.inventory.length);
    for (const entry of json.inventory) {
      const row = hashList.find((r) => r[0] === entry.path);
      expect(row?.slice(3, 5), entry.path).toEqual([entry.md5, entry.sha256]);
    }

    const pdf = await report.pdf({ path: testInfo.outputPath('report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length, 'PDF size').toBeGreaterThan(30_000);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages, 'one page break before each of the seven sections at least').toBeGreaterThanOrEqual(7);
    await report.close();
  });

  test('findings.json is deterministic: the same evidence gives the same bytes apart from the run block', async ({ page }) => {
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    const first = await downloadFindings(page);
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    const second = await downloadFindings(page);
    const strip = (text: string) => text.replace(/"run"\s*:\s*\{[^}]*\}/, '"run":{}');
    expect(strip(second.text)).toBe(strip(first.text));
  });

  test('CSV of the Accounts, Inventory and SQL result tables parses (RFC 4180) with the right columns', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);

    const accounts = await openView(page, 'Accounts');
    const accountsCsv = parseCsv((await downloadFrom(page, accounts.getByRole('button', { name: 'CSV', exact: true }), testInfo)).text);
    const accountHeaders = await accounts.getByRole('table', { name: 'Accounts' }).getByRole('columnheader').allInnerTexts();
    expect(accountsCsv[0]).toEqual(accountHeaders.map((h) => h.replace(/[▲▼]/g, '').trim()));
    expect(accountsCsv).toHaveLength(1 + 4);
    for (const row of accountsCsv) expect(row).toHaveLength(accountHeaders.length);
    expect(accountsCsv.slice(1).map((r) => r[0])).toEqual(['alice@northwind.example', 'bob@northwind.example', 'carol@northwind.example', 'dave@fabrikam.example']);

    const inventory = await openView(page, 'Inventory');
    const inventoryCsv = parseCsv((await downloadFrom(page, inventory.getByRole('button', { name: 'CSV', exact: true }), testInfo)).text);
    const inventoryHeaders = await inventory.getByRole('table', { name: 'Inventory' }).getByRole('columnheader').allInnerTexts();
    expect(inventoryCsv[0]).toHaveLength(inventoryHeaders.length);
    expect(inventoryCsv).toHaveLength(1 + json.inventory.length);
    const sha = inventoryCsv[0].indexOf('SHA-256');
    const path = inventoryCsv[0].indexOf('Path');
    for (const row of inventoryCsv.slice(1)) {
      expect(row).toHaveLength(inventoryHeaders.length);
      expect(row[sha], row[path]).toBe(json.inventory.find((r) => r.path === row[path])?.sha256);
    }

    const sql = await openView(page, 'SQL');
    await sql.getByRole('textbox').fill(
      `select accountaddress as address, 'a,b "quoted"' || char(13) || char(10) || 'second line' as tricky, accountid from hm_accounts order by accountaddress`,
    );
    await sql.getByRole('button', { name: 'Run' }).click();
    await expect(sql.getByRole('table', { name: 'Query result' }).getByRole('columnheader')).toHaveCount(3);
    const sqlCsv = parseCsv((await downloadFrom(page, sql.getByRole('button', { name: 'CSV', exact: true }), testInfo)).text);
    expect(sqlCsv[0]).toEqual(['address', 'tricky', 'accountid']);
    expect(sqlCsv).toHaveLength(1 + 4);
    for (const row of sqlCsv.slice(1)) {
      expect(row).toHaveLength(3);
      expect(row[1]).toBe('a,b "quoted"\r\nsecond line');
    }
  });

  /** The sample log holds 16 sessions (tests/unit/timeline/sampleCase.test.ts). */
  const SAMPLE_LOG_SESSIONS = 16;
  for (const [view, table, expectedRows] of [
    ['Messages', 'Messages', (json: FindingsJson) => listedMessages(json).length],
    ['Logs', 'Log sessions', () => SAMPLE_LOG_SESSIONS],
  ] as const) {
    test(`CSV of the ${view} table: one row per listed row, the table's columns`, async ({ page }, testInfo) => {
      await analyse(page, SAMPLE_ZIP);
      const { json } = await downloadFindings(page);
      const panel = await openView(page, view);
      await expectRows(panel, expectedRows(json));
      const csvButton = panel.getByRole('button', { name: 'CSV', exact: true });
      await expect(csvButton).toBeVisible({ timeout: 3000 });
      const rows = parseCsv((await downloadFrom(page, csvButton, testInfo)).text);
      const headers = await panel.getByRole('table', { name: table }).getByRole('columnheader').count();
      expect(rows).toHaveLength(1 + expectedRows(json));
      for (const row of rows) expect(row).toHaveLength(headers);
    });
  }

  test('CSV of the findings (Indicators)', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    const panel = await openView(page, 'Indicators');
    const csvButton = panel.getByRole('button', { name: /CSV/ });
    await expect(csvButton.first()).toBeVisible({ timeout: 3000 });
    const rows = parseCsv((await downloadFrom(page, csvButton.first(), testInfo)).text);
    expect(rows).toHaveLength(1 + findingsOf(json).length);
  });

  test('selected messages as a zip whose manifest hashes match the files', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    await bookmark(page, BOOKMARK.subject, BOOKMARK.tags, BOOKMARK.note);
    await bookmark(page, 'Orphan', 'integrity', 'No database row.');
    const panel = await openView(page, 'Messages');
    await panel.getByRole('checkbox', { name: 'bookmarked' }).check();
    await expectRows(panel, 2);
    const control = page.locator('[data-testid="export-messages-zip"]').or(page.getByRole('button', { name: /zip/i }));
    await expect(control.first()).toBeVisible({ timeout: 3000 });
    const file = await downloadFrom(page, control.first(), testInfo);
    const zip = await JSZip.loadAsync(file.bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: { file: string; source: string; size: number; sha256: string }[] };
    for (const entry of manifest.files) {
      const bytes = await zip.file(entry.file)!.async('uint8array');
      expect(bytes.length, entry.file).toBe(entry.size);
      expect(sha256(bytes), entry.file).toBe(entry.sha256);
    }
    // Each message file hashes as in the inventory, each attachment as in findings.json's messages.
    const selected = messagesOf(json).filter((m) => m.path === INVOICE || m.subject === 'Orphan');
    expect(selected).toHaveLength(2);
    const inventorySha = (path: string) => json.inventory.find((r) => r.path === path)?.sha256;
    const expected = selected.flatMap((m) => [
      { source: m.path, sha256: inventorySha(m.path) },
      ...m.attachments.map((a) => ({ source: `${m.path} → ${a.filename}`, sha256: a.sha256 })),
    ]);
    const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
    expect(manifest.files.map((f) => ({ source: f.source, sha256: f.sha256 })).sort(bySource)).toEqual(expected.sort(bySource));
  });

  test('the saved case database dropped into a fresh page restores the views, bookmark and details', async ({ page, context }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    await enterCaseDetails(page);
    await bookmark(page, BOOKMARK.subject, BOOKMARK.tags, BOOKMARK.note);
    const original = await downloadFindings(page);
    const listed = listedMessages(original.json).length;
    await expectRows(await openView(page, 'Messages'), listed);
    const caseFile = await downloadFrom(page, page.locator('[data-testid="export-caseDb"]'), testInfo);
    expect(caseFile.bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    await openBuiltApp(fresh);
    await dropEvidence(fresh, caseFile.path!);
    expect(await waitForDone(fresh), await status(fresh).innerText()).toBe('done');
    await shot(fresh, testInfo, 'exp-02-reopened');

    const overview = await openView(fresh, 'Overview');
    await expect(overview, 'recognised as a saved case, not analysed as new SQLite evidence').toContainText(/Reopened a saved case/i);
    await expect(overview.locator('section[aria-labelledby="evidence-heading"]')).toContainText('sample-case.zip');

    const messages = await openView(fresh, 'Messages');
    await expectRows(messages, listed, 'the same messages as before saving');
    await messages.getByRole('checkbox', { name: 'bookmarked' }).check();
    await expectRows(messages, 1);
    const row = messages.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1);
    await expect(row).toContainText('★');
    await expect(row).toContainText(BOOKMARK.subject);
    await row.click();
    await expect(fresh.getByRole('article', { name: 'Message' })).toContainText(`Bookmarked: ${BOOKMARK.tags}`);
    await expect(fresh.getByRole('article', { name: 'Message' })).toContainText(BOOKMARK.note);

    const casePanel = fresh.getByRole('region', { name: 'Case' });
    await expect(casePanel.getByText(`Case details: ${CASE.caseNumber}`)).toBeVisible();
    await casePanel.locator('summary', { hasText: 'Case details' }).click();
    await expect(casePanel.getByLabel('Examiner')).toHaveValue(CASE.examiner);
    await expect(casePanel.getByLabel('Notes')).toHaveValue(CASE.notes);

    const reopened = await downloadFindings(fresh);
    expect(withoutRun(reopened.json), 'findings.json of the reopened case').toEqual(withoutRun(original.json));
    expect(reopened.json.inventory.some((r) => r.path === caseFile.name), 'the case file is not inventoried as new evidence').toBe(false);
    expect(errors).toEqual([]);
    await fresh.close();
  });
});

