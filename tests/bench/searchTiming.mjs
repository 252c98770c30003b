/**
 * Full-text search in the finished case, as the examiner uses it: the Messages tab's search box, timed
 * from typing to the new row count (the box's typing delay included). The bench's words occur in many
 * messages, a few, and none.
 */
const QUERIES = ['invoice', 'payment transfer', 'bench-77', 'no-such-word-anywhere'];
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
    // The count changes once the search ran (or stays when it happens to equal the previous one: then wait it out).
    await page.waitForFunction(([sel, prev]) => document.querySelector(sel)?.textContent?.trim() !== prev, [COUNT, before.trim()], { timeout: timeoutMs }).catch(() => {});
    results.push({ query, seconds: (Date.now() - t0) / 1000, rows: (await page.locator(COUNT).innerText()).trim() });
  }
  await box.fill('');
  return results;
}
