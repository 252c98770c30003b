/**
 * Issue 14, parts 2 and 3, in the built page from file://: the search syntax (phrase, AND/OR/NOT, scopes,
 * regex, a syntax error), a saved search, a keyword list with hits per term and per message and its CSV,
 * a URL of an HTML body found as an indicator, and hash sets: a known-bad attachment becomes a finding,
 * a known-good file can be hidden. Evidence is a handful of messages written by the test itself.
 */
import { createHash } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { expect, test } from './helpers.ts';
import { analyse, downloadFrom, expectRows, openView, parseCsv, writeGenerated } from './e2eKit.ts';

const ATTACHMENT = 'MZ pretend dropper for the hash set test';
const hex = (algo: string, data: string) => createHash(algo).update(data).digest('hex');

function eml(id: string, subject: string, body: string[], extra: string[] = []): string {
  return [`From: Alice <alice@example.org>`, 'To: bob@example.net', `Subject: ${subject}`, 'Date: Tue, 7 May 2024 10:00:00 +0000',
    `Message-ID: <${id}@example.org>`, ...extra, '', ...body, ''].join('\r\n');
}

const MESSAGES: Record<string, string> = {
  'wire.eml': eml('wire', 'Invoice overdue', ['Please wire the money today.']),
  'lunch.eml': eml('lunch', 'Lunch', ['The money is on the wire, said nobody.']),
  'order.eml': eml('order', '=SUM(A1) order', ['Order INV-2024-0042 is attached.']),
  'phish.eml': eml('phish', 'Account check', [
    '--b', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
    '<p>Confirm <a href=3D"https://login.phish.example/verify?u=3D1&amp;t=3D2">here</a></p>',
    '--b', 'Content-Type: application/octet-stream; name=dropper.bin', 'Content-Disposition: attachment; filename=dropper.bin',
    'Content-Transfer-Encoding: base64', '', Buffer.from(ATTACHMENT).toString('base64'), '--b--',
  ], ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b']),
};

async function search(panel: Locator, text: string): Promise<void> {
  await panel.getByRole('searchbox', { name: 'Search messages' }).fill(text);
}

async function expectOutcome(panel: Locator, query: string, count: number): Promise<void> {
  await search(panel, query);
  await expect(panel.getByTestId('search-outcome'), query).toContainText(`${count} message${count === 1 ? '' : 's'} match`);
  await expectRows(panel, count, query);
}

test.describe('search tools', () => {
  test.beforeEach(async ({ page }) => {
    const files = Object.entries(MESSAGES).map(([name, text]) => writeGenerated(`search-${name}`, text));
    await analyse(page, files);
  });

  test('phrase, boolean, scoped and regex search, a syntax error, and a saved search', async ({ page }) => {
    const panel = await openView(page, 'Messages');
    await expectRows(panel, 4);
    await expectOutcome(panel, 'money wire', 2);
    await expectOutcome(panel, '"wire the money"', 1);
    await expectOutcome(panel, 'invoice OR lunch', 2);
    await expectOutcome(panel, 'money NOT nobody', 1);
    await expectOutcome(panel, '(lunch OR order) -nobody', 1);
    await expectOutcome(panel, 'subject:money', 0);
    await expectOutcome(panel, '/INV-\\d{4}-\\d+/', 1);
    await expectOutcome(panel, 'ioc:login.phish.example', 1);

    await search(panel, '(invoice');
    await expect(panel.getByTestId('search-error')).toContainText('A parenthesis is not closed');

    await expectOutcome(panel, '"wire the money"', 1);
    await panel.getByRole('textbox', { name: 'Saved search name' }).fill('wire phrase');
    await panel.getByRole('button', { name: 'Save search' }).click();
    await search(panel, '');
    await expectRows(panel, 4);
    await panel.getByRole('combobox', { name: 'Saved searches' }).selectOption('"wire the money"');
    await expect(panel.getByRole('searchbox', { name: 'Search messages' })).toHaveValue('"wire the money"');
    await expectRows(panel, 1);
  });

  test('a keyword list shows hits per term and per message and exports a guarded CSV', async ({ page }, testInfo) => {
    const panel = await openView(page, 'Messages');
    await panel.getByText('Keyword list', { exact: true }).click();
    await panel.getByRole('textbox', { name: 'Keyword list' }).fill('money\n"wire the money"\n/INV-\\d+/\n# comment\norder\nabsentword');
    await panel.getByRole('button', { name: 'Run list' }).click();
    const terms = panel.getByTestId('keyword-terms');
    const countOf = (term: string) => terms.getByRole('row').filter({ has: page.getByRole('button', { name: term, exact: true }) }).getByRole('cell').nth(1);
    await expect(countOf('money')).toHaveText('2');
    await expect(countOf('"wire the money"')).toHaveText('1');
    await expect(countOf('/INV-\\d+/')).toHaveText('1');
    await expect(countOf('absentword')).toHaveText('0');
    await expect(panel.getByTestId('keyword-messages').getByRole('row')).toHaveCount(4);

    const csv = await downloadFrom(page, panel.getByRole('button', { name: 'Export hits (CSV)' }), testInfo);
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['path', 'date_utc', 'from', 'subject', 'term', 'confirmed']);
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(5);
    const order = rows.find((r) => r[0] === 'search-order.eml' && r[4] === 'order');
    expect(order?.[3], 'a subject starting with = is written as text').toBe("'=SUM(A1) order");
  });

  test('a known-bad hash set makes a finding; a known-good one can hide files', async ({ page }) => {
    const panel = await openView(page, 'Messages');
    await panel.getByText('Hash sets', { exact: true }).click();
    const input = panel.getByLabel('Load a hash set');
    await input.setInputFiles({ name: 'bad-feed.txt', mimeType: 'text/plain', buffer: Buffer.from(`# feed\n${hex('sha1', ATTACHMENT)}\n`) });
    await expect(panel.getByTestId('hash-set-status')).toContainText('bad-feed.txt: 1 hash read (plain), 1 match');

    const lunch = MESSAGES['lunch.eml'];
    const nsrl = `"SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"\n` +
      `"${hex('sha1', lunch).toUpperCase()}","${hex('md5', lunch).toUpperCase()}","0","lunch.eml",1,1,"1",""\n`;
    await panel.getByRole('combobox', { name: 'Hash set kind' }).selectOption('good');
    await input.setInputFiles({ name: 'NSRLFile.txt', mimeType: 'text/plain', buffer: Buffer.from(nsrl) });
    await expect(panel.getByTestId('hash-sets')).toContainText('NSRLFile.txt — known-good, 2 hashes, 2 matches');
    await expectRows(panel, 4);
    await panel.getByRole('checkbox', { name: 'hide known-good files' }).check();
    await expectRows(panel, 3);

    await search(panel, 'subject:"account check"');
    await expectRows(panel, 1);
    await panel.getByRole('table', { name: 'Messages' }).getByRole('cell', { name: 'Account check', exact: true }).click();
    const view = page.getByRole('article', { name: 'Message' });
    await view.getByRole('tab', { name: 'Attachments', exact: true }).click();
    for (const algo of ['md5', 'sha1', 'sha256']) await expect(view.getByRole('tabpanel')).toContainText(hex(algo, ATTACHMENT));

    const indicators = await openView(page, 'Indicators');
    const group = indicators.locator('details[data-finding-type="hash-set-match"]');
    await group.locator('summary').click();
    await expect(group.getByText(/Attachment "dropper\.bin" of search-phish\.eml matches the known-bad hash set "bad-feed\.txt"/)).toBeVisible();
  });
});
