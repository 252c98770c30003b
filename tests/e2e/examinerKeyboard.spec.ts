/**
 * Issue 14 part 6 in the built page: one tab stop per table with arrow keys moving it, Enter opening and
 * Esc closing, the single-key shortcuts, the skip link, the timeline chart's text alternative, and an
 * axe-core accessibility check of every tab.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { TAB_NAMES, expect, openTab, test } from './helpers.ts';
import { SAMPLE_ZIP, analyse, openView } from './e2eKit.ts';

function messageTable(panel: Locator): Locator {
  return panel.getByRole('table', { name: 'Messages' });
}

function bodyRows(table: Locator, page: Page): Locator {
  return table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

test.describe('keyboard and screen readers', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('a table is one tab stop: arrows move, Enter opens, Esc closes and returns focus', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Messages');
    const table = messageTable(panel);
    await expect(bodyRows(table, page).first()).toBeVisible();
    await expect(table.locator('[role="row"][tabindex="0"]'), 'one tab stop among the rows').toHaveCount(1);

    await bodyRows(table, page).first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = table.locator('[role="row"][aria-rowindex="4"]');
    await expect(third).toBeFocused();
    await expect(third).toHaveAttribute('tabindex', '0');
    await page.keyboard.press('End');
    const count = Number((await table.getAttribute('aria-rowcount')) ?? 0);
    await expect(table.locator(`[role="row"][aria-rowindex="${count}"]`), 'End reaches the last row of the windowed table').toBeFocused();
    await page.keyboard.press('Home');
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toBeFocused();

    await page.keyboard.press('Enter');
    const view = page.getByRole('article', { name: 'Message' });
    await expect(view).toBeVisible();
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toBeFocused();
  });

  test('shortcuts: / searches, j and k step through messages, b bookmarks, ? shows help', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Messages');
    const table = messageTable(panel);
    await expect(bodyRows(table, page).first()).toBeVisible();
    const view = page.getByRole('article', { name: 'Message' });

    await page.locator('body').press('j');
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toHaveAttribute('aria-selected', 'true');
    const path = view.getByTestId('message-path');
    const first = await path.innerText();
    await page.keyboard.press('j');
    await expect(table.locator('[role="row"][aria-rowindex="3"]')).toHaveAttribute('aria-selected', 'true');
    await expect(path).not.toHaveText(first);
    await page.keyboard.press('k');
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toHaveAttribute('aria-selected', 'true');
    await expect(path).toHaveText(first);

    await page.keyboard.press('b');
    await expect(view.getByText(/^Bookmarked/)).toBeVisible();
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).toContainText('★');
    await page.keyboard.press('b');
    await expect(table.locator('[role="row"][aria-rowindex="2"]')).not.toContainText('★');

    await page.keyboard.press('/');
    const search = panel.getByRole('searchbox', { name: 'Search messages' });
    await expect(search).toBeFocused();
    await page.keyboard.type('j');
    await expect(search, 'a shortcut key typed in a field is text').toHaveValue('j');

    await search.blur();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Next message');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('the skip link leads from the top of the page to the first result row', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    await openTab(page, 'Messages');
    const panel = page.locator('#panel-messages');
    await expect(bodyRows(messageTable(panel), page).first()).toBeVisible();
    // Restart sequential focus navigation at the top of the document, as a fresh page load would.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to results' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(messageTable(panel).locator('[role="row"][tabindex="0"]')).toBeFocused();
  });

  test('the timeline chart has a text summary and a table of its bars', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Timeline');
    const summary = panel.getByTestId('timeline-chart-summary');
    await expect(summary).toHaveText(/^[\d,]+ events? in [\d,]+ bars? \(one bar per .+\), from .+ UTC; the busiest bar starts .+ with [\d,]+\.$/);
    await expect(panel.getByTestId('timeline-histogram')).toHaveAttribute('aria-describedby', 'timeline-chart-summary');
    await panel.getByText('The chart as a table').click();
    const rows = panel.getByTestId('timeline-chart-table').locator('tbody tr');
    const n = Number(/in ([\d,]+) bars?/.exec(await summary.innerText())![1].replace(/,/g, ''));
    await expect(rows).toHaveCount(Math.min(n, 500));
  });

  test('axe-core finds no violations on any tab', async ({ page }) => {
    // axe walks the whole page once per tab: 30-50 s a tab on a loaded 2-core machine, so eight tabs need
    // more than the default test timeout.
    test.setTimeout(TAB_NAMES.length * 90_000);
    await analyse(page, SAMPLE_ZIP);
    const found: string[] = [];
    for (const name of TAB_NAMES) {
      await openTab(page, name);
      const results = await new AxeBuilder({ page }).analyze();
      found.push(...results.violations.map((v) => `${name}: ${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`));
    }
    expect(found, 'axe violations, by tab').toEqual([]);
  });
});
