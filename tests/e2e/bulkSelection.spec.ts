/**
 * Issue 14 "Tags everywhere", the lists beyond Messages, in the built page: Shift/Ctrl (and Shift+arrow) select
 * log sessions, accounts, findings and timeline events; the selection is tagged at once (a timeline event's
 * message or log session), found again by the tag filter and exported as CSV; CSV exports hold only the columns
 * the chooser shows, in its order; a uid-gap finding opens the messages on either side of its hole.
 */
import type { Locator, Page } from '@playwright/test';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { DEMO_ZIP, expect, test } from './helpers.ts';
import { SAMPLE_ZIP, analyse, downloadFrom, expectRows, openView, parseCsv } from './e2eKit.ts';

/** The n-th data row (1-based) of a VirtualTable, whichever rows are rendered. */
function dataRow(table: Locator, n: number): Locator {
  return table.locator(`[role="row"][aria-rowindex="${n + 1}"]`);
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
}

async function headerTexts(table: Locator): Promise<string[]> {
  return (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.replace(/[▲▼]/g, '').trim());
}

async function tagSelection(bar: Locator, tag: string): Promise<void> {
  await bar.getByRole('textbox', { name: 'Tag for the selected rows' }).fill(tag);
  await bar.getByRole('button', { name: 'Tag selected' }).click();
  await expect(bar.getByRole('textbox', { name: 'Tag for the selected rows' })).toHaveValue('');
}

async function tagCount(page: Page, tag: string): Promise<number> {
  const manager = page.getByTestId('tag-manager');
  if ((await manager.getAttribute('open')) === null) await manager.locator('summary').click();
  const row = manager.locator('tbody tr').filter({ has: page.locator('td', { hasText: new RegExp(`^${tag}$`) }) });
  return Number(await row.locator('td').nth(1).innerText());
}

test.describe('multi-select in every list', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('log sessions: Ctrl and Shift select, the selection is tagged, filtered by its tag and exported as CSV in the chosen columns', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const logs = await openView(page, 'Logs');
    const table = logs.getByRole('table', { name: 'Log sessions' });
    await dataRow(table, 1).click({ modifiers: ['ControlOrMeta'] });
    await dataRow(table, 3).click({ modifiers: ['Shift'] });
    await dataRow(table, 5).click({ modifiers: ['ControlOrMeta'] });
    const bar = logs.getByTestId('selection-bar');
    await expect(bar).toContainText('4 selected');
    for (const n of [1, 2, 3, 5]) await expect(dataRow(table, n)).toHaveAttribute('aria-selected', 'true');
    await expect(dataRow(table, 4)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('article', { name: 'Log session' }), 'selecting does not open a session').toHaveCount(0);
    const picked = await Promise.all([1, 2, 3, 5].map((n) => cellTexts(dataRow(table, n))));

    await tagSelection(bar, 'sweep');
    expect(await tagCount(page, 'sweep')).toBe(4);
    const chooser = logs.getByTestId('columns-log-sessions');
    await chooser.locator('summary').click();
    await chooser.getByLabel('HELO', { exact: true }).uncheck();
    await chooser.getByRole('button', { name: 'Move Client IP earlier' }).click();
    await chooser.getByRole('button', { name: 'Move Client IP earlier' }).click();
    await chooser.locator('summary').click();
    const headers = await headerTexts(table);
    expect(headers).not.toContain('HELO');
    expect(headers.slice(0, 2)).toEqual(['Client IP', 'Start (server time)']);
    expect(headers).toHaveLength(9);

    const selected = parseCsv((await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (CSV)' }), testInfo)).text);
    expect(selected[0], 'the selection exports the columns shown, in their order').toEqual(headers);
    const byHeader = (cells: string[], from: string[]) => Object.fromEntries(from.map((h, i) => [h, cells[i]]));
    const LOG_HEADERS = ['Start (server time)', 'Protocol', 'Client IP', 'HELO', 'AUTH user', 'Result', 'MAIL FROM', 'RCPT TO', 'Lines', 'File'];
    const expected = picked.map((cells) => headers.map((h) => byHeader(cells, LOG_HEADERS)[h]));
    expect(selected.slice(1)).toEqual(expected);

    await logs.getByRole('combobox', { name: 'Tag' }).selectOption('sweep');
    const list = logs.locator('.vt', { has: page.getByRole('table', { name: 'Log sessions' }) });
    await expectRows(list, 4, 'the tagged sessions, found by their tag');
    const all = parseCsv((await downloadFrom(page, list.getByRole('button', { name: 'CSV', exact: true }), testInfo)).text);
    expect(all[0], 'the table CSV leaves the hidden column out').toEqual(headers);
    expect(all.slice(1).sort()).toEqual([...expected].sort());
  });

  test('accounts: Ctrl, Shift+arrow and Ctrl select, the selection is tagged and bookmarked, filtered and exported; a hidden column is not in the CSV', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const accounts = await openView(page, 'Accounts');
    const table = accounts.getByRole('table', { name: 'Accounts' });
    await dataRow(table, 1).click({ modifiers: ['ControlOrMeta'] });
    await dataRow(table, 1).press('Shift+ArrowDown');
    await dataRow(table, 4).click({ modifiers: ['ControlOrMeta'] });
    const bar = accounts.getByTestId('selection-bar');
    await expect(bar).toContainText('3 selected');
    for (const n of [1, 2, 4]) await expect(dataRow(table, n)).toHaveAttribute('aria-selected', 'true');
    await expect(dataRow(table, 3)).toHaveAttribute('aria-selected', 'false');
    const addresses = await Promise.all([1, 2, 4].map(async (n) => (await cellTexts(dataRow(table, n)))[0]));

    await tagSelection(bar, 'custodian');
    await bar.getByRole('button', { name: 'Bookmark selected' }).click();
    expect(await tagCount(page, 'custodian')).toBe(3);

    const chooser = accounts.getByTestId('columns-accounts');
    await chooser.locator('summary').click();
    await chooser.getByLabel('Forwarding', { exact: true }).uncheck();
    await chooser.getByRole('button', { name: 'Move Weak password earlier' }).click();
    await chooser.locator('summary').click();
    const headers = await headerTexts(table);
    expect(headers).not.toContain('Forwarding');
    expect(headers.indexOf('Weak password')).toBeLessThan(headers.indexOf('Password scheme'));

    const selected = parseCsv((await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (CSV)' }), testInfo)).text);
    expect(selected[0]).toEqual(headers);
    expect(selected.slice(1).map((r) => r[0]).sort()).toEqual([...addresses].sort());

    await accounts.getByRole('combobox', { name: 'Tag' }).selectOption('custodian');
    await expectRows(accounts, 3, 'the tagged accounts, found by their tag');
    const all = parseCsv((await downloadFrom(page, accounts.getByRole('button', { name: 'CSV', exact: true }), testInfo)).text);
    expect(all[0], 'the table CSV leaves the hidden column out and keeps the chosen order').toEqual(headers);
    expect(all.slice(1).map((r) => r[0]).sort()).toEqual([...addresses].sort());
  });

  test('findings: Ctrl and Shift on their ticks select, the selection is tagged and exported', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const indicators = await openView(page, 'Indicators');
    const group = indicators.locator('details[data-finding-type]').filter({ has: page.locator('.count', { hasText: /^([3-9]|\d\d+)$/ }) }).first();
    await group.locator('summary').click();
    const findings = group.locator('li.finding');
    const ids = await Promise.all([0, 1, 2].map((i) => findings.nth(i).getAttribute('data-finding-id')));
    await findings.nth(0).getByRole('checkbox').click();
    await findings.nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
    const bar = indicators.getByTestId('selection-bar');
    await expect(bar).toContainText('3 selected');
    await findings.nth(1).locator('.summary').click({ modifiers: ['ControlOrMeta'] });
    await expect(bar).toContainText('2 selected');
    await expect(findings.nth(1).getByRole('checkbox')).not.toBeChecked();
    await tagSelection(bar, 'reviewed');
    const csv = parseCsv((await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (CSV)' }), testInfo)).text);
    expect(csv.slice(1).map((r) => r[0]).sort()).toEqual([ids[0], ids[2]].sort());
    await indicators.getByRole('combobox', { name: 'Tag' }).selectOption('reviewed');
    await expect(indicators.locator('li.finding')).toHaveCount(2);
  });

  test('a uid-gap finding opens the messages of its folder on either side of the hole', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const indicators = await openView(page, 'Indicators');
    const group = indicators.locator('details[data-finding-type="uid-gap"]');
    await group.locator('summary').click();
    const finding = group.locator('li.finding').first();
    await finding.getByRole('button', { name: 'Open these messages' }).click();
    await expect(page.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
    const panel = page.locator('#panel-messages');
    await expect(panel.getByTestId('uid-filter'), 'the sample misses UID 5 of alice\'s INBOX').toContainText('UIDs 4, 6');
    await expect(panel.getByRole('combobox', { name: 'Account' })).toHaveValue('alice@northwind.example');
    await expect(panel.getByRole('combobox', { name: 'Folder' })).toHaveValue('INBOX');
    await expectRows(panel, 2, 'the message before the hole and the one after it');
    await panel.getByRole('button', { name: 'Any UID' }).click();
    await expect(panel.getByTestId('uid-filter')).toHaveCount(0);
    await expect(panel.getByText(/^[\d,]+ rows$/).first()).not.toHaveText('2 rows');
  });
});

test.describe('multi-select in the Timeline (demo evidence)', () => {
  test('Ctrl and Shift select events; tagging tags their sessions and message, the tag filter finds them, events of nothing are counted, and the selection exports as CSV in the chosen columns', async ({ page }, testInfo) => {
    await analyse(page, DEMO_ZIP);
    const timeline = await openView(page, 'Timeline');
    const table = timeline.getByRole('table', { name: 'Timeline events' });
    const ip = timeline.getByRole('searchbox', { name: 'Filter by IP address' });
    await ip.fill('203.0.113.66');
    await ip.press('Enter');
    await expect(dataRow(table, 20), 'the demo attacker\'s 20th event is its relayed message').toContainText('message-received');
    await expect(dataRow(table, 21)).toHaveCount(0);
    await dataRow(table, 1).click({ modifiers: ['ControlOrMeta'] });
    await dataRow(table, 4).click({ modifiers: ['Shift'] });
    await dataRow(table, 20).click({ modifiers: ['ControlOrMeta'] });
    const bar = timeline.getByTestId('selection-bar');
    await expect(bar).toContainText('5 selected');
    await expect(bar.getByRole('status'), 'its TCP connections have no session').toHaveText('2 of 5 selected events have no message, session or account to tag');
    for (const n of [1, 2, 3, 4, 20]) await expect(dataRow(table, n)).toHaveAttribute('aria-selected', 'true');
    await expect(dataRow(table, 5)).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('tab', { name: /Timeline/ }), 'selecting does not open the event').toHaveAttribute('aria-selected', 'true');
    const picked = await Promise.all([1, 2, 3, 4, 20].map((n) => cellTexts(dataRow(table, n))));
    expect(picked.map((cells) => cells[2])).toEqual(['connection', 'logon-failed', 'connection', 'logon-failed', 'message-received']);

    await tagSelection(bar, 'sweep');
    expect(await tagCount(page, 'sweep'), 'two log sessions and one message').toBe(3);

    const chooser = timeline.getByTestId('columns-timeline');
    await chooser.locator('summary').click();
    await chooser.getByLabel('Source', { exact: true }).uncheck();
    await chooser.getByRole('button', { name: 'Move IP earlier' }).click();
    await chooser.locator('summary').click();
    const headers = await headerTexts(table);
    expect(headers).not.toContain('Source');
    expect(headers.indexOf('IP')).toBeLessThan(headers.indexOf('Account'));
    const selected = parseCsv((await downloadFrom(page, bar.getByRole('button', { name: 'Export selected (CSV)' }), testInfo)).text);
    expect(selected[0], 'the selection exports the columns shown, in their order').toEqual(headers);
    const EVENT_HEADERS = ['Time (UTC)', 'Server time (+02:00)', 'Type', 'Description', 'Account', 'IP', 'Source'];
    const cellOf = (cells: string[], header: string) => cells[EVENT_HEADERS.findIndex((h) => header === h || (h.startsWith('Server time') && header.startsWith('Server time')))];
    expect(selected.slice(1), 'the picked events, in the order picked').toEqual(picked.map((cells) => headers.map((h) => cellOf(cells, h))));

    await ip.fill('');
    await ip.press('Enter');
    await timeline.getByRole('combobox', { name: 'Tag' }).selectOption('sweep');
    await expect(table.getByRole('row'), 'a header and the five events of the tagged items').toHaveCount(6);
    const found = await Promise.all((await table.getByRole('row').all()).slice(1).map(cellTexts));
    const shownKey = (cells: string[]) => ['Time (UTC)', 'Type', 'Description'].map((h) => cells[headers.indexOf(h)]).join(' ');
    const pickedKey = (cells: string[]) => [cells[0], cells[2], cells[3]].join(' ');
    expect(
      found.map((cells) => cells[headers.indexOf('Type')]),
      'the events of the two tagged sessions and of the tagged message; none of a TCP connection',
    ).toEqual(['logon-failed', 'logon-failed', 'message-db-created', 'message-date-header', 'message-received']);
    const tagged = picked.filter((cells) => cells[2] !== 'connection').map(pickedKey);
    expect(found.map(shownKey), 'the picked events are found by their tag').toEqual(expect.arrayContaining(tagged));
    for (const [n, cells] of found.entries()) {
      await expect(dataRow(table, n + 1), 'the picked events stay selected under a new filter').toHaveAttribute('aria-selected', String(tagged.includes(shownKey(cells))));
    }
  });
});
