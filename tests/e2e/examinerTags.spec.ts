/**
 * Issue 14 part 4 in the built page: tags and notes on findings, log sessions, accounts and inventory rows;
 * the tag manager (counts, colour, rename, merge); and the tags kept in a saved case file that is reopened.
 */
import type { Locator, Page } from '@playwright/test';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { dropEvidence, expect, openBuiltApp, status, test, waitForDone } from './helpers.ts';
import JSZip from 'jszip';
import { SAMPLE_ZIP, analyse, downloadFrom, expectRows, openView, parseCsv } from './e2eKit.ts';

async function tag(scope: Locator, tags: string, note = ''): Promise<void> {
  await scope.getByRole('button', { name: /^Bookmark or tag / }).first().click();
  await scope.getByRole('textbox', { name: /^Tags for / }).fill(tags);
  if (note) await scope.getByRole('textbox', { name: /^Note for / }).fill(note);
  await scope.getByRole('button', { name: 'Save', exact: true }).click();
  for (const t of tags.split(',').map((x) => x.trim())) await expect(scope.getByTestId('annotation').first()).toContainText(t);
}

function tagManager(page: Page): Locator {
  return page.getByTestId('tag-manager');
}

async function tagCounts(page: Page): Promise<Record<string, number>> {
  const manager = tagManager(page);
  if ((await manager.getAttribute('open')) === null) await manager.locator('summary').click();
  await expect(manager.locator('tbody tr').first()).toBeVisible();
  const rows = await manager.locator('tbody tr').all();
  const out: Record<string, number> = {};
  for (const r of rows) out[(await r.locator('td').nth(0).innerText()).trim()] = Number(await r.locator('td').nth(1).innerText());
  return out;
}

test.describe('tags everywhere', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('findings, log sessions, accounts and inventory rows take tags; the manager renames, merges and colours; a reopened case keeps them', async ({ page, context }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);

    const indicators = await openView(page, 'Indicators');
    const group = indicators.locator('details[data-finding-type]').first();
    await group.locator('summary').click();
    const finding = group.locator('li.finding').first();
    await tag(finding, 'phish, urgent', 'first look');
    await expect(finding.getByTestId('annotation')).toContainText('first look');

    const logs = await openView(page, 'Logs');
    await logs.getByRole('table', { name: 'Log sessions' }).getByRole('row').nth(1).click();
    const session = page.getByRole('article', { name: 'Log session' });
    await tag(session, 'phish');

    const accounts = await openView(page, 'Accounts');
    await accounts.getByRole('table', { name: 'Accounts' }).getByRole('row').nth(1).click();
    await tag(accounts.locator('section.folders'), 'vip');
    const vip = (await accounts.locator('section.folders h3').innerText()).toLowerCase();

    const inventory = await openView(page, 'Inventory');
    const messageRow = inventory.getByRole('table', { name: 'Inventory' }).getByRole('row').filter({ hasText: '.eml' }).first();
    await messageRow.click();
    const entry = page.getByRole('article', { name: 'Inventory entry' });
    await tag(entry, 'phish');

    expect(await tagCounts(page)).toEqual({ phish: 3, urgent: 1, vip: 1 });

    await inventory.getByRole('combobox', { name: 'Tag' }).selectOption('phish');
    await expectRows(inventory, 1, 'inventory filtered by tag');
    const findings = await openView(page, 'Indicators');
    await findings.getByRole('combobox', { name: 'Tag' }).selectOption('urgent');
    await expect(findings.locator('li.finding')).toHaveCount(1);
    await findings.getByRole('combobox', { name: 'Tag' }).selectOption('');
    const accountsAgain = await openView(page, 'Accounts');
    await accountsAgain.getByRole('combobox', { name: 'Tag' }).selectOption('vip');
    await expectRows(accountsAgain, 1, 'accounts filtered by tag');
    const logsAgain = await openView(page, 'Logs');
    await logsAgain.getByRole('combobox', { name: 'Tag' }).selectOption('phish');
    await expectRows(logsAgain.locator('.vt', { has: page.getByRole('table', { name: 'Log sessions' }) }), 1, 'log sessions filtered by tag');
    await logsAgain.getByRole('combobox', { name: 'Tag' }).selectOption('');
    const timeline = await openView(page, 'Timeline');
    const events = timeline.getByRole('table', { name: 'Timeline events' }).getByRole('row');
    await timeline.getByRole('combobox', { name: 'Tag' }).selectOption('vip');
    await expect(events.nth(1), 'timeline filtered by tag: the tagged account\'s events').toContainText(vip, { ignoreCase: true });
    for (const row of (await events.allInnerTexts()).slice(1)) expect(row.toLowerCase(), 'every event is of the tagged account').toContain(vip);
    await timeline.getByRole('combobox', { name: 'Tag' }).selectOption('');

    const manager = tagManager(page);
    await manager.getByRole('button', { name: 'Rename or merge urgent' }).click();
    await manager.getByRole('textbox', { name: 'New name for urgent' }).fill('phish');
    await expect(manager).toContainText('"urgent" will be merged into the existing tag "phish"');
    await manager.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(manager.locator('tbody tr')).toHaveCount(2);
    expect(await tagCounts(page), 'the finding carried both: it counts once').toEqual({ phish: 3, vip: 1 });
    await manager.getByRole('button', { name: 'Rename or merge vip' }).click();
    await manager.getByRole('textbox', { name: 'New name for vip' }).fill('executive');
    await manager.getByRole('button', { name: 'Rename', exact: true }).click();
    await manager.getByLabel('Colour of phish').fill('#cc0000');
    await expect((await openView(page, 'Accounts')).locator('section.folders').getByTestId('annotation'), 'a renamed tag shows its new name where it is used').toContainText('executive');
    expect(await tagCounts(page)).toEqual({ executive: 1, phish: 3 });

    const caseFile = await downloadFrom(page, page.locator('[data-testid="export-caseDb"]'), testInfo);
    const fresh = await context.newPage();
    await openBuiltApp(fresh);
    await dropEvidence(fresh, caseFile.path!);
    expect(await waitForDone(fresh), await status(fresh).innerText()).toBe('done');
    expect(await tagCounts(fresh), 'the reopened case has the same tags').toEqual({ executive: 1, phish: 3 });
    await expect(tagManager(fresh).getByLabel('Colour of phish')).toHaveValue('#cc0000');
    const reopenedIndicators = await openView(fresh, 'Indicators');
    const reopenedGroup = reopenedIndicators.locator('details[data-finding-type]').first();
    await reopenedGroup.locator('summary').click();
    await expect(reopenedGroup.locator('li.finding').first().getByTestId('annotation')).toContainText('first look');
    await fresh.close();
  });

  test('an inventory row opens its file as text, in hex, or as a message', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const inventory = await openView(page, 'Inventory');
    await inventory.getByRole('searchbox', { name: 'Filter inventory' }).fill('.eml');
    await inventory.getByRole('table', { name: 'Inventory' }).getByRole('row').nth(1).click();
    const entry = page.getByRole('article', { name: 'Inventory entry' });
    const path = await entry.getByRole('heading', { level: 2 }).innerText();
    await entry.getByRole('button', { name: 'Text' }).click();
    await expect(entry.getByTestId('inventory-text')).toContainText(/^[\s\S]*(From|Received|Return-Path|Message-ID):/i);
    await entry.getByRole('button', { name: 'Hex' }).click();
    await expect(entry.getByTestId('inventory-text')).toHaveCount(0);
    await entry.getByRole('button', { name: 'Open as message' }).click();
    await expect(page.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article', { name: 'Message' }).getByTestId('message-path')).toHaveText(path);
  });

  test('Shift and Ctrl select messages; the selection is tagged at once, filtered by tag and exported as zip and CSV', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Messages');
    const table = panel.getByRole('table', { name: 'Messages' });
    const row = (n: number) => table.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
    await row(1).click({ modifiers: ['ControlOrMeta'] });
    await row(3).click({ modifiers: ['Shift'] });
    await row(5).click({ modifiers: ['ControlOrMeta'] });
    const bar = panel.getByTestId('selection-bar');
    await expect(bar).toContainText('4 selected');
    for (const n of [1, 2, 3, 5]) await expect(row(n)).toHaveAttribute('aria-selected', 'true');
    await expect(row(4)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('article', { name: 'Message' }), 'selecting does not open a message').toHaveCount(0);

    await bar.getByRole('textbox', { name: 'Tag for the selected rows' }).fill('bulk');
    await bar.getByRole('button', { name: 'Tag selected' }).click();
    for (const n of [1, 2, 3, 5]) await expect(row(n)).toContainText('★');
    await panel.getByRole('combobox', { name: 'Tag' }).selectOption('bulk');
    await expectRows(panel, 4, 'filter by tag');

    const csv = await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (CSV)' }), testInfo);
    expect(csv.name).toBe('selected-messages.csv');
    expect(parseCsv(csv.text)).toHaveLength(5);
    const zipFile = await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (zip)' }), testInfo);
    const zip = await JSZip.loadAsync(zipFile.bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { files: { source: string }[] };
    const inZip = manifest.files.filter((f) => !f.source.includes(' → ')).length;
    await expect(panel.getByTestId('selection-note')).toContainText(`${inZip} message${inZip === 1 ? '' : 's'} exported`);
    expect(inZip).toBeGreaterThan(0);
    expect(inZip).toBeLessThanOrEqual(4);
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bar).toHaveCount(0);
  });
});
