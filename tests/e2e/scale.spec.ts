/**
 * Scale behaviour in the built page (issue 10): messages appear while a run goes on, a cancel keeps what
 * was parsed (marked partial), and search finds words of headers and bodies through the search index.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plantedEvidence } from '../generate/plantedEvidence.mjs';
import { dropEvidence, expect, GENERATED_DIR, largeEvidenceZip, openBuiltApp, openTab, status, test, waitForDone } from './helpers.ts';

const LIVE_MESSAGES = 4000;
const PLANTED_FILLER = 10_000;

function rowCount(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test.describe('scale (issue 10)', () => {
  test('messages appear while the run goes on, and a cancel keeps them, marked partial', async ({ page }) => {
    test.setTimeout(300_000);
    const zipPath = largeEvidenceZip(LIVE_MESSAGES);
    await openBuiltApp(page);
    await dropEvidence(page, zipPath);
    const panel = await openTab(page, 'Messages');
    const banner = panel.getByTestId('partial-messages');
    await expect(banner).toContainText('Analysis running', { timeout: 120_000 });
    const count = panel.getByTestId('message-table-count');
    await expect.poll(async () => rowCount(await count.textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(status(page)).toHaveAttribute('data-state', 'running');

    await page.locator('[data-testid="cancel-analysis"]').click();
    await expect(status(page)).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
    await expect(banner).toContainText('Analysis cancelled');
    await expect(status(page)).toContainText('marked partial');
    // Looked at once more after the cancel: what the case database holds now stays listed.
    await expect.poll(async () => rowCount(await count.textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(rowCount(await count.textContent())).toBeLessThanOrEqual(LIVE_MESSAGES);
  });

  test('findings of single messages appear while the run goes on, and a cancel keeps them', async ({ page }) => {
    test.setTimeout(300_000);
    // The planted mailboxes (user01–user05) sort before the filler's: their messages are in the first batch.
    // Enough filler that the run is still going after the first refresh of the list, on any machine.
    const { zip } = await plantedEvidence(PLANTED_FILLER);
    const zipPath = join(GENERATED_DIR, `planted-${PLANTED_FILLER}.zip`);
    mkdirSync(GENERATED_DIR, { recursive: true });
    writeFileSync(zipPath, zip);
    await openBuiltApp(page);
    await dropEvidence(page, zipPath);
    const panel = await openTab(page, 'Messages');
    const soFar = panel.getByTestId('findings-so-far');
    await expect.poll(async () => Number(await soFar.getAttribute('data-count')), { timeout: 120_000 }).toBeGreaterThan(0);
    await expect(status(page)).toHaveAttribute('data-state', 'running');
    await page.locator('[data-testid="cancel-analysis"]').click();
    await expect(status(page)).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
    await expect.poll(async () => Number(await soFar.getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThan(0);
    // The message rows carry their findings' severity while the case is still partial.
    await panel.getByRole('searchbox', { name: 'Search messages' }).fill('salaries');
    await expect(panel.getByTestId('message-table-count')).toHaveText('1 rows');
    await expect(panel.locator('.badge[class*="sev-"]').first()).toBeVisible();
  });

  test('search finds a Received IP that is only in a header, and body words', async ({ page }) => {
    test.setTimeout(120_000);
    const { zip } = await plantedEvidence(60);
    const zipPath = join(GENERATED_DIR, 'planted-60.zip');
    mkdirSync(GENERATED_DIR, { recursive: true });
    writeFileSync(zipPath, zip);
    await openBuiltApp(page);
    await dropEvidence(page, zipPath);
    expect(await waitForDone(page)).toBe('done');
    await expect(status(page)).toHaveAttribute('data-messages-fast', /^\d+$/);
    const panel = await openTab(page, 'Messages');
    const search = panel.getByRole('searchbox', { name: 'Search messages' });
    const count = panel.getByTestId('message-table-count');
    await search.fill('198.51.100.23');
    await expect(count).toHaveText('1 rows');
    await search.fill('transfer amount');
    await expect(count).toHaveText('1 rows');
    await search.fill('no-such-word-anywhere');
    await expect(count).toHaveText('0 rows');
  });
});
