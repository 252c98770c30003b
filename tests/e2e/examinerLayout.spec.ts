/**
 * Issue 14 part 1 in the built page: the message preview beside the list on a wide window and below it on
 * a narrow one, a separator that resizes by keyboard, an HTML-only message read as text, and the row count
 * explained when database rows without a file are listed too.
 */
import type { Locator, Page } from '@playwright/test';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { DEMO_ZIP, downloadFindings, dropEvidence, expect, openBuiltApp, status, test, waitForDone } from './helpers.ts';
import JSZip from 'jszip';
import { SAMPLE_ZIP, analyse, downloadFrom, expectRows, listedMessages, messagesOf, openView, sha256, writeGenerated } from './e2eKit.ts';

const HTML_ONLY_EML = [
  'From: "Billing" <billing@pay.example>',
  'To: alice@northwind.example',
  'Subject: HTML only notice',
  'Date: Mon, 13 May 2024 09:00:00 +0200',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><head><title>hidden title</title><script>document.title = "ran"</script></head>',
  '<body><p>Your account is locked.</p><p>Verify at <a href="http://pay.example/verify">this page</a> &amp; reply.</p></body></html>',
  '',
].join('\r\n');

const SECOND_EML = HTML_ONLY_EML.replace('HTML only notice', 'Second notice');

function splitPane(panel: Locator): Locator {
  return panel.getByTestId('split-pane');
}

async function openFirstRow(page: Page, panel: Locator): Promise<Locator> {
  await panel.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1).click();
  const view = page.getByRole('article', { name: 'Message' });
  await expect(view).toBeVisible();
  return view;
}

test.describe('list and detail side by side', () => {
  test('wide: the preview sits beside the list and the separator resizes by keyboard', async ({ page }) => {
    await analyse(page, [writeGenerated('html-only.eml', HTML_ONLY_EML), writeGenerated('second.eml', SECOND_EML)]);
    const panel = await openView(page, 'Messages');
    await expect(splitPane(panel)).toHaveAttribute('data-layout', 'list');
    const view = await openFirstRow(page, panel);
    await expect(splitPane(panel)).toHaveAttribute('data-layout', 'side');
    const table = (await panel.getByRole('table', { name: 'Messages' }).boundingBox())!;
    const detail = (await view.boundingBox())!;
    expect(detail.x, 'the preview starts right of the list').toBeGreaterThanOrEqual(table.x + table.width);
    expect(detail.y, 'side by side, not stacked').toBeLessThan(table.y + table.height);

    const separator = panel.getByRole('separator', { name: /Resize/ });
    await expect(separator).toHaveAttribute('aria-valuenow', '50');
    await separator.focus();
    await page.keyboard.press('ArrowRight');
    await expect(separator).toHaveAttribute('aria-valuenow', '55');
    await page.keyboard.press('Home');
    await expect(separator).toHaveAttribute('aria-valuenow', '20');
    const narrowList = (await panel.getByRole('table', { name: 'Messages' }).boundingBox())!;
    expect(narrowList.width).toBeLessThan(table.width);
  });

  test('narrow: the preview sits below the list', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    await analyse(page, [writeGenerated('html-only.eml', HTML_ONLY_EML), writeGenerated('second.eml', SECOND_EML)]);
    const panel = await openView(page, 'Messages');
    const view = await openFirstRow(page, panel);
    await expect(splitPane(panel)).toHaveAttribute('data-layout', 'below');
    await expect(panel.getByRole('separator')).toHaveCount(0);
    const table = (await panel.getByRole('table', { name: 'Messages' }).boundingBox())!;
    const detail = (await view.boundingBox())!;
    expect(detail.y).toBeGreaterThanOrEqual(table.y + table.height);
    await expect(view, 'scrolled into view when it opens').toBeInViewport();
  });

  test('an HTML-only message shows its text, never its script or title', async ({ page }) => {
    await analyse(page, writeGenerated('html-only.eml', HTML_ONLY_EML));
    const panel = await openView(page, 'Messages');
    const view = await openFirstRow(page, panel);
    await view.getByRole('tab', { name: 'Body', exact: true }).click();
    const body = view.getByRole('tabpanel');
    await expect(body.getByTestId('text-from-html')).toBeVisible();
    await expect(body.locator('pre')).toHaveText('Your account is locked.\n\nVerify at this page & reply.');
    await expect(body.locator('pre')).not.toContainText('hidden title');
    expect(await page.title(), 'the message script never ran').not.toBe('ran');
  });
});

test.describe('counts agree and differences are explained', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('the list count is files + database rows without a file, and the tab badge counts the files', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    const files = messagesOf(json).length;
    const listed = listedMessages(json).length;
    const panel = await openView(page, 'Messages');
    await expectRows(panel, listed);
    await expect(page.getByRole('tab', { name: /Messages/ }).locator('.badge')).toHaveText(files.toLocaleString('en'));
    const note = panel.getByTestId('message-table-count-note');
    if (listed > files) {
      const without = listed - files;
      await expect(note).toHaveText(`: ${files} files + ${without} database row${without === 1 ? '' : 's'} without a file`);
    } else {
      await expect(note).toHaveCount(0);
    }
  });

  test('"Export messages (zip)" on a fresh case leaves out the database rows without a file and says so', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { json } = await downloadFindings(page);
    const files = messagesOf(json);
    const without = listedMessages(json).length - files.length;
    test.skip(without === 0, 'the sample lists no database row without a file');
    const file = await downloadFrom(page, page.getByTestId('export-messages-zip'), testInfo);
    const zip = await JSZip.loadAsync(file.bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: { file: string; source: string; sha256: string }[] };
    const messages = manifest.files.filter((f) => !f.source.includes(' → '));
    expect(messages.map((m) => m.source).sort()).toEqual(files.map((m) => m.path).sort());
    for (const m of messages) expect(sha256(await zip.file(m.file)!.async('uint8array')), m.file).toBe(m.sha256);
    await expect(page.getByTestId('messages-zip-note')).toContainText(
      `${without} database row${without === 1 ? '' : 's'} without a file left out (no bytes to export)`,
    );
  });
});

test.describe('columns of their own', () => {
  const headerTexts = async (panel: Locator) =>
    (await panel.getByRole('table', { name: 'Messages' }).getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/[▲▼]/g, '').trim());

  test('the column chooser hides and reorders, a header resizes by keyboard, and the layout comes back with the case file', async ({ page, context }, testInfo) => {
    await analyse(page, DEMO_ZIP);
    const panel = await openView(page, 'Messages');
    expect(await headerTexts(panel)).toEqual(['★', 'Date (UTC)', 'From', 'To', 'Subject', 'Account', 'Folder', 'Flags', 'Size', 'Att.', 'Indicators']);

    const chooser = panel.getByTestId('columns-messages');
    await chooser.locator('summary').click();
    await chooser.getByLabel('From', { exact: true }).uncheck();
    await chooser.getByRole('button', { name: 'Move Indicators earlier' }).click();
    const arranged = ['★', 'Date (UTC)', 'To', 'Subject', 'Account', 'Folder', 'Flags', 'Size', 'Indicators', 'Att.'];
    expect(await headerTexts(panel)).toEqual(arranged);

    const subject = panel.getByRole('columnheader').nth(3);
    const width = (await subject.boundingBox())!.width;
    const handle = panel.getByRole('button', { name: /^Width of Subject/ });
    await handle.focus();
    for (let i = 0; i < 4; i++) await handle.press('ArrowRight');
    await expect.poll(async () => (await subject.boundingBox())!.width).toBeGreaterThan(width + 40);
    await expect(handle).toHaveAccessibleName(/pixels/);

    const caseFile = await downloadFrom(page, page.locator('[data-testid="export-caseDb"]'), testInfo);
    const fresh = await context.newPage();
    await openBuiltApp(fresh);
    await dropEvidence(fresh, caseFile.path!);
    expect(await waitForDone(fresh), await status(fresh).innerText()).toBe('done');
    const reopened = await openView(fresh, 'Messages');
    expect(await headerTexts(reopened), 'the reopened case keeps the chosen columns and order').toEqual(arranged);
    await expect(reopened.getByRole('button', { name: /^Width of Subject/ })).toHaveAccessibleName(/pixels/);
  });
});
