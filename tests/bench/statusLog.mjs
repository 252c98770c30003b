/**
 * The app's status element as the bench watches it (test hook data-testid="analysis-status": data-state,
 * data-stage, and at the end data-messages-fast / data-messages-postal). Changes are logged inside the page
 * by a MutationObserver, stamped with epoch milliseconds so they line up with Date.now() in the bench,
 * without polling skewing them.
 */
export const STATUS = '[data-testid="analysis-status"]';
export const FINAL_STATES = ['done', 'error', 'cancelled'];

/** @param {import('playwright-core').Page} page */
export async function startStatusLog(page) {
  await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    const log = [];
    const note = () =>
      log.push({ t: performance.timeOrigin + performance.now(), state: el.dataset.state ?? '', stage: el.dataset.stage ?? '' });
    new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['data-state', 'data-stage'] });
    note();
    window.__benchStatusLog = log;
  }, STATUS);
}

/** @param {import('playwright-core').Page} page @param {number} timeoutMs */
export function waitForFinalState(page, timeoutMs) {
  return page.waitForFunction(
    ({ selector, finals }) => finals.includes(document.querySelector(selector)?.getAttribute('data-state') ?? ''),
    { selector: STATUS, finals: FINAL_STATES },
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ log: import('./stageTable.mjs').StatusChange[], state: string, text: string,
 *   fast: string | null, postal: string | null } | null>} null when the page is gone (crashed)
 */
export function readStatus(page) {
  return page
    .evaluate((selector) => {
      const el = document.querySelector(selector);
      return {
        log: window.__benchStatusLog,
        state: el.getAttribute('data-state'),
        text: el.textContent.trim(),
        fast: el.getAttribute('data-messages-fast'),
        postal: el.getAttribute('data-messages-postal'),
      };
    }, STATUS)
    .catch(() => null);
}
