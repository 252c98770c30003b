/**
 * Issue 4 in the built page from file://: the sample's 43 messages listed; a message's headers, Received
 * chain, MIME tree, source, hex, attachments with hashes and downloads; an HTML body with remote resources
 * rendered without a single network attempt; filters and search; the Overview's integrity links.
 */
import type { Locator, Page } from '@playwright/test';
import { expectedFindings, hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { downloadFindings, expect, shot, test } from './helpers.ts';
import {
  SAMPLE_ZIP,
  analyse,
  downloadFrom,
  expectRows,
  findingsOf,
  listedMessages,
  messagesOf,
  openView,
  sha256,
  writeGenerated,
} from './e2eKit.ts';

const INVOICE = 'hMailServer/Data/northwind.example/bob/C7/{C75FB7C4-CBA0-4CF4-A243-485444A62E32}.eml';

function messageTable(panel: Locator): Locator {
  return panel.getByRole('table', { name: 'Messages' });
}

function messageView(page: Page): Locator {
  return page.getByRole('article', { name: 'Message' });
}

async function search(panel: Locator, text: string): Promise<void> {
  await panel.getByRole('searchbox', { name: 'Search messages' }).fill(text);
}

/** Opens the message whose Subject cell is exactly `subject` (searching first: the table is windowed). */
async function openBySubject(page: Page, panel: Locator, subject: string): Promise<Locator> {
  await search(panel, subject);
  const row = messageTable(panel).getByRole('row').filter({ has: page.getByRole('cell', { name: subject, exact: true }) });
  await expect(row).toHaveCount(1);
  await row.click();
  const view = messageView(page);
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(subject);
  return view;
}

async function section(view: Locator, name: string): Promise<Locator> {
  await view.getByRole('tab', { name, exact: true }).click();
  await expect(view.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  return view.getByRole('tabpanel');
}

/** An HTML newsletter whose every way of loading something remote must stay blocked. */
const TRACKER_EML = [
  'From: "Shop News" <news@shop.example>',
  'To: alice@northwind.example',
  'Subject: Tracking pixel inside',
  'Date: Mon, 13 May 2024 09:00:00 +0200',
  'Message-ID: <pixel-1@shop.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="alt42"',
  '',
  '--alt42',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Plain text part of the newsletter.',
  '--alt42',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><link rel="stylesheet" href="http://tracker.example/style.css">',
  '<style>body { background: url(http://tracker.example/bg.png) }</style></head>',
  '<body><p>Hello from the HTML part</p>',
  '<img src="http://tracker.example/p.gif" width="1" height="1" alt="">',
  '<img srcset="https://tracker.example/p2.gif 2x" alt="">',
  '<script>fetch("http://tracker.example/js")</script>',
  '</body></html>',
  '--alt42--',
  '',
].join('\r\n');

test.describe('messages (issue 4)', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('lists the 43 sample message files (and the database row of the missing one); a message shows headers, Received chain, MIME tree, source, hex and attachments', async ({ page }, testInfo) => {
    const expected = expectedFindings();
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    expect(messagesOf(json)).toHaveLength(expected.counts.messageFiles);
    const panel = await openView(page, 'Messages');
    await expectRows(panel, listedMessages(json).length, '43 message files + the database row whose file is missing');
    await shot(page, testInfo, 'msg-01-list');

    const view = await openBySubject(page, panel, 'Invoice');
    await expect(view).toContainText(INVOICE);
    await expect(view).toContainText('billing@contoso.example');

    const headers = await section(view, 'Headers');
    const subjectRow = headers
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Subject', exact: true }) })
      .filter({ has: page.getByRole('cell', { name: 'Invoice', exact: true }) });
    await expect(subjectRow).toHaveCount(1);
    await expect(headers.getByRole('row').filter({ hasText: 'Return-Path' })).toContainText('billing@contoso.example');
    await headers.getByRole('button', { name: 'Raw' }).click();
    await expect(headers.locator('pre')).toContainText('Content-Type: multipart/mixed; boundary="b0undary42"');

    const received = await section(view, 'Received chain');
    await expect(received.getByRole('columnheader')).toHaveText(['Hop', 'Time (UTC)', 'Delay', 'From', 'IP', 'By', 'With']);
    const hop = received.getByRole('row').filter({ has: page.getByRole('cell', { name: '192.0.2.10', exact: true }) });
    await expect(hop).toContainText('mx.sender.example');
    await expect(hop).toContainText('mail.northwind.example');
    await expect(hop).toContainText('2024-05-10 09:00:00');
    await shot(page, testInfo, 'msg-02-received');

    const mime = await section(view, 'MIME tree');
    const parts = mime.getByRole('list', { name: 'MIME parts' }).getByRole('listitem');
    await expect(parts).toHaveCount(3);
    await expect(parts.nth(0)).toContainText('multipart/mixed');
    await expect(parts.nth(1)).toContainText('text/plain');
    await expect(parts.nth(2)).toContainText('application/pdf');
    await expect(parts.nth(2)).toContainText('invoice.pdf.exe');

    const attachments = await section(view, 'Attachments');
    const declared = messagesOf(json).find((m) => m.path === INVOICE)!.attachments;
    expect(declared).toHaveLength(1);
    const row = attachments.getByRole('row').filter({ hasText: 'invoice.pdf.exe' });
    await expect(row).toContainText(declared[0].sha256);
    await expect(row).toContainText(/pe|executable/i);
    const attachment = await downloadFrom(page, row.getByRole('button', { name: 'Download' }), testInfo);
    expect(sha256(attachment.bytes), 'downloaded attachment = its listed SHA-256').toBe(declared[0].sha256);
    expect(attachment.bytes.subarray(0, 2).toString('latin1')).toBe('MZ');
    await shot(page, testInfo, 'msg-03-attachments');

    const original = await downloadFrom(page, view.getByRole('button', { name: 'Download original' }), testInfo);
    expect(sha256(original.bytes), 'original file = inventory SHA-256').toBe(expected.sha256[INVOICE]);
    const inventoryRow = json.inventory.find((r) => r.path === INVOICE)!;
    expect(sha256(original.bytes)).toBe(inventoryRow.sha256);

    const source = await section(view, 'Source & hex');
    await expect(source.locator('pre')).toContainText('Return-Path: billing@contoso.example');
    await expect(source).toContainText(`${original.bytes.length.toLocaleString('en')} bytes`);
    await source.getByRole('button', { name: 'Hex' }).click();
    const hex = source.getByRole('region', { name: `Hex view, ${original.bytes.length} bytes` });
    await expect(hex).toBeVisible();
    const firstBytes = [...original.bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    await expect(hex).toContainText('00000000');
    await expect(hex).toContainText(firstBytes);
    await expect(hex).toContainText('Return-P');
    await shot(page, testInfo, 'msg-04-hex');
  });

  test('encoded words in several charsets decode in the list', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Messages');
    for (const subject of ['Überweisung für Müller ✓', 'Café crème brûlée', '会议通知']) {
      await search(panel, subject);
      await expectRows(panel, 1, subject);
      await expect(messageTable(panel).getByRole('cell', { name: subject, exact: true })).toBeVisible();
    }
  });

  test('an HTML body with a remote tracking pixel renders on request with zero network attempts', async ({ page, requests }, testInfo) => {
    const eml = writeGenerated('tracking-pixel.eml', TRACKER_EML);
    await analyse(page, eml);
    const panel = await openView(page, 'Messages');
    await expectRows(panel, 1);
    const view = await openBySubject(page, panel, 'Tracking pixel inside');
    const body = await section(view, 'Body');
    await expect(body.locator('pre')).toContainText('Plain text part of the newsletter.');
    await expect(body.locator('iframe'), 'HTML is not rendered until asked for').toHaveCount(0);

    await body.getByRole('button', { name: /Show HTML/ }).click();
    const blocked = body.locator('[data-testid="remote-blocked"]');
    await expect(blocked).toContainText(/[1-9]\d* remote resources? blocked/);
    const frame = body.frameLocator('iframe');
    await expect(frame.getByText('Hello from the HTML part')).toBeVisible();
    const sandbox = await body.locator('iframe').getAttribute('sandbox');
    expect(sandbox, 'scripts off: an empty sandbox').toBe('');
    await shot(page, testInfo, 'msg-05-html-blocked');
    // A late image decode or a CSS fetch would show up within a moment.
    await page.waitForTimeout(1500);
    expect(requests.urls, 'network attempts while the HTML body was shown').toEqual([]);
  });

  test('filters (account, attachments, indicator) and full-text search narrow the list', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    const messages = messagesOf(json);
    const listed = listedMessages(json);
    const panel = await openView(page, 'Messages');
    await expectRows(panel, listed.length);

    const bob = listed.filter((m) => m.account === 'bob@northwind.example').length;
    expect(bob).toBeGreaterThan(0);
    expect(bob).toBeLessThan(messages.length);
    await panel.getByRole('combobox', { name: 'Account' }).selectOption('bob@northwind.example');
    await expectRows(panel, bob, 'account bob');
    const accounts = await messageTable(panel).getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).allInnerTexts();
    for (const r of accounts) expect(r).toContain('bob@northwind.example');
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expectRows(panel, listed.length);

    const withAttachments = messages.filter((m) => m.attachments.length > 0).length;
    expect(withAttachments).toBeGreaterThan(0);
    await panel.getByRole('checkbox', { name: 'attachments' }).check();
    await expectRows(panel, withAttachments, 'has attachments');
    await panel.getByRole('button', { name: 'Clear filters' }).click();

    const dkim = new Set(findingsOf(json).filter((f) => f.type === 'dkim-body-hash-mismatch').map((f) => f.ref.message));
    expect(dkim.size).toBe(2);
    await panel.getByRole('combobox', { name: 'Indicator' }).selectOption('dkim-body-hash-mismatch');
    await expectRows(panel, dkim.size, 'indicator dkim-body-hash-mismatch');
    await panel.getByRole('button', { name: 'Clear filters' }).click();

    // Body text only: the IBAN of "Payment instruction 1" is in no subject or address.
    await search(panel, 'DE14500500000001234');
    await expectRows(panel, 1, 'search in body text');
    await expect(messageTable(panel).getByRole('cell', { name: 'Payment instruction 1', exact: true })).toBeVisible();
    await search(panel, 'Quarterly figures');
    const quarterly = messages.filter((m) => m.subject === 'Quarterly figures').length;
    expect(quarterly).toBe(3);
    await expectRows(panel, quarterly, 'search in subjects');
    await search(panel, 'billing@contoso.example');
    await expectRows(panel, messages.filter((m) => m.from === 'billing@contoso.example').length, 'search in addresses');
    await shot(page, testInfo, 'msg-06-search');
  });

  test('integrity counts on the Overview open exactly the affected messages', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    for (const type of ['orphan-file', 'missing-file', 'size-mismatch', 'date-skew', 'duplicate-message']) {
      await test.step(type, async () => {
        const paths = new Set(findingsOf(json).filter((f) => f.type === type).map((f) => f.ref.message));
        expect(paths.size, `${type} findings`).toBeGreaterThan(0);
        const overview = await openView(page, 'Overview');
        await overview.getByRole('button', { name: new RegExp(`^${type}: ${paths.size} — open the messages`) }).click();
        await expect(page.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
        const panel = page.locator('#panel-messages');
        await expectRows(panel, paths.size, type);
        await expect(messageTable(panel).getByRole('row').nth(1)).toContainText(type);
      });
    }
    await shot(page, testInfo, 'msg-07-integrity');
  });

  test('the uid-gap count on the Overview opens the messages of the folder with the gap', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const overview = await openView(page, 'Overview');
    await overview.getByRole('button', { name: /^uid-gap: \d+ — open the messages/ }).click();
    const panel = page.locator('#panel-messages');
    await expect(panel.getByText(/^[\d,]+ rows$/)).not.toHaveText('0 rows', { timeout: 3000 });
    const rows = await messageTable(panel).getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).allInnerTexts();
    for (const r of rows) expect(r).toContain('alice@northwind.example');
  });
});
