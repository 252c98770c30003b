/**
 * Full-text search in the finished case, as the examiner uses it: the Messages tab's search box, timed
 * from typing to the new row count (the box's typing delay included). The bench's words occur in many
 * messages, a few, and none.
 */
// Ordered so that no two consecutive counts are equal: the end of a search is seen as a new count.
const QUERIES = ['no-such-word-anywhere', 'bench-77', 'invoice', 'payment transfer'];
const COUNT = '[data-testid="message-table-count"]';

/** @returns {Promise<{ query: string, seconds: number, rows: string }[]>} */
export async function searchTimings(page, timeoutMs = 120_000) {
  await page.getByRole('tab', { name: /Messages/ }).click();
  const box = page.getByRole('searchbox', { name: 'Search messages' });
  await box.waitFor({ timeout: timeoutMs });
  const results = [];
  for (const query of QUERIES) {
    const before = await page.locator(COUNT).innerText();
    const t0 = Date.now();
    await box.fill(query);
    // Done when the table has left its loading state (it shows 0 rows meanwhile) and the count changed; a count
    // equal to the previous one is waited out.
    await page
      .waitForFunction(
        ([sel, prev]) => {
          const count = document.querySelector(sel)?.textContent?.trim();
          return count !== prev && !document.querySelector('[role="tabpanel"]:not([hidden])')?.textContent?.includes('Loading…');
        },
        [COUNT, before.trim()],
        { timeout: timeoutMs, polling: 50 },
      )
      .catch(() => {});
    results.push({ query, seconds: (Date.now() - t0) / 1000, rows: (await page.locator(COUNT).innerText()).trim() });
  }
  await box.fill('');
  return results;
}
