/**
 * Issue 14 part 7 in the built page: decoded AUTH user names in transcripts, log filters that apply as you
 * type, last logon in UTC beside server time, the SQL schema browser and result paths that open the message.
 */
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { expect, test } from './helpers.ts';
import { SAMPLE_ZIP, analyse, openView, shownRows } from './e2eKit.ts';

test.describe('small fixes', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('log filters apply while typing, and a transcript shows the decoded AUTH user name inline', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Logs');
    const all = await shownRows(panel);
    await panel.getByRole('searchbox', { name: 'Filter sessions by IP' }).pressSequentially('203.0.113.9');
    await expect.poll(() => shownRows(panel), 'applied without Enter or leaving the field').toBeLessThan(all);
    await expect(panel.getByRole('searchbox', { name: 'Filter sessions by IP' })).toBeFocused();
    const sessions = panel.getByRole('table', { name: 'Log sessions' });
    await sessions.getByRole('row').nth(1).click();
    const transcript = page.getByRole('article', { name: 'Log session' }).getByTestId('log-transcript');
    await expect(transcript).toContainText('AUTH LOGIN');
    await expect(transcript).toContainText(/⟵ user: [^\s@]+@[^\s]+/);
  });

  test('last logon shows UTC beside server time, and placeholders read "never"', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Accounts');
    const table = panel.getByRole('table', { name: 'Accounts' });
    await expect(table.getByRole('columnheader', { name: 'Last logon (UTC)' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Last logon (server time)' })).toBeVisible();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    const utc = headers.findIndex((h) => h.startsWith('Last logon (UTC)'));
    const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    const values = await rows.evaluateAll((els, i) => els.map((el) => (el.querySelectorAll('[role="cell"]')[i] as HTMLElement).innerText.trim()), utc);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatch(/^(|never|not set|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/);
    expect(values.some((v) => /^\d{4}/.test(v)), 'a real logon is converted to UTC').toBe(true);
    expect(values.join(' ')).not.toContain('1901');
  });

  test('the SQL schema browser fills the editor, and a message path in the result opens the message', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'SQL');
    const schema = panel.getByTestId('sql-schema');
    await expect(schema.getByRole('button', { name: 'Query case_messages' })).toBeVisible();
    await expect(schema.getByRole('button', { name: /^Query hm_/ }).first()).toBeVisible();
    await schema.getByRole('button', { name: 'Query case_messages' }).click();
    await expect(panel.locator('#sql-text')).toHaveValue('SELECT * FROM "case_messages" LIMIT 100');
    await panel.getByTestId('sql-run').click();
    const link = panel.getByTestId('sql-result').getByRole('button', { name: /\.eml$/ }).first();
    const path = await link.innerText();
    await link.click();
    await expect(page.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article', { name: 'Message' }).getByTestId('message-path')).toHaveText(path);
  });
});
