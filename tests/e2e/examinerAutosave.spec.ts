/**
 * Issue 14 part 5 in the built page: work product autosaved in IndexedDB and offered back when the same
 * evidence is dropped after a reload; a warning before unloading while work is unsaved; a reopened case
 * file shows the counts of the original analysis.
 */
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { dropEvidence, expect, openBuiltApp, status, test, waitForDone } from './helpers.ts';
import { SAMPLE_ZIP, analyse, downloadFrom, expectRows, openView } from './e2eKit.ts';

test.describe('nothing lost', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('bookmarks and tags come back after a reload when the same evidence is dropped again', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    await expect(page.getByTestId('autosave-offer'), 'nothing saved yet for this evidence').toHaveCount(0);
    const panel = await openView(page, 'Messages');
    const table = panel.getByRole('table', { name: 'Messages' });
    const first = table.locator('[role="row"][aria-rowindex="2"]');
    await first.click();
    const path = await page.getByRole('article', { name: 'Message' }).getByTestId('message-path').innerText();
    await page.locator('body').press('b');
    await expect(first).toContainText('★');
    const indicators = await openView(page, 'Indicators');
    const group = indicators.locator('details[data-finding-type]').first();
    await group.locator('summary').click();
    await group.getByRole('button', { name: /^Bookmark or tag / }).first().click();
    await group.getByRole('textbox', { name: /^Tags for / }).fill('reviewed');
    await group.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(group.getByTestId('annotation').first()).toContainText('reviewed');
    // The autosave writes after each change; the page is quiet once no write is pending.
    await expect.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const req = indexedDB.open('hmail-triage-autosave');
      req.onsuccess = () => {
        const tx = req.result.transaction('workProduct', 'readonly').objectStore('workProduct').getAll();
        tx.onsuccess = () => resolve((tx.result as { work: { bookmarks: unknown[]; annotations: unknown[] } }[]).reduce((n, r) => n + r.work.bookmarks.length + r.work.annotations.length, 0));
      };
    }))).toBe(2);

    await page.reload();
    await expect(status(page)).toHaveAttribute('data-state', 'idle');
    await dropEvidence(page, SAMPLE_ZIP);
    expect(await waitForDone(page)).toBe('done');
    const offer = page.getByTestId('autosave-offer');
    await expect(offer).toContainText('2 bookmarks');
    await offer.getByRole('button', { name: 'Restore them' }).click();
    await expect(offer).toHaveCount(0);
    const messages = await openView(page, 'Messages');
    await messages.getByRole('checkbox', { name: 'bookmarked' }).check();
    await expectRows(messages, 1);
    await messages.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1).click();
    await expect(page.getByRole('article', { name: 'Message' }).getByTestId('message-path')).toHaveText(path);
    const tags = page.getByTestId('tag-manager');
    await tags.locator('summary').click();
    await expect(tags).toContainText('reviewed');
  });

  test('the page asks before unloading while case details are typed but not saved', async ({ page }) => {
    await analyse(page, SAMPLE_ZIP);
    const casePanel = page.getByRole('region', { name: 'Case' });
    await casePanel.locator('summary', { hasText: 'Case details' }).click();
    await casePanel.getByLabel('Examiner').fill('J. Doe');
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });

  test('a reopened case file shows the message and log line counts of the original analysis', async ({ page, context }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const original = await status(page).innerText();
    const caseFile = await downloadFrom(page, page.locator('[data-testid="export-caseDb"]'), testInfo);
    const fresh = await context.newPage();
    await openBuiltApp(fresh);
    await dropEvidence(fresh, caseFile.path!);
    expect(await waitForDone(fresh)).toBe('done');
    const reopened = await status(fresh).innerText();
    const count = (text: string, what: string) => new RegExp(`([\\d,]+) ${what}`).exec(text)?.[1];
    for (const what of ['messages', 'log lines', 'findings', 'accounts']) {
      expect(count(reopened, what), `${what}: ${reopened} vs ${original}`).toBe(count(original, what));
    }
    await fresh.close();
  });
});
