/**
 * Issue 11 in the built page from file://: a server in America/New_York across both DST changes of 2023
 * (tests/generate/dstEvidence.mjs) gets that zone from its own stamps, its log times read in it, and changing
 * the zone re-analyses the evidence so the findings.json follows; on the demo case the timeline opens on
 * the busy part, its buttons (Fit all, Fit findings, Zoom to selection) and the wheel frame the view, a
 * finding's events are highlighted, and the zip times of unknown zone are listed as left out.
 */
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test } from './helpers.ts';
import { analyse, downloadFrom, writeGenerated } from './e2eKit.ts';
// @ts-expect-error: a plain .mjs generator without type declarations
import { dstEvidence } from '../generate/dstEvidence.mjs';
import { openBuiltApp, waitForDone } from './helpers.ts';

async function newYorkZip(): Promise<string> {
  const zip = new JSZip();
  const { files } = dstEvidence({ stampZone: 'America/New_York', year: 2023 }) as { files: Record<string, string> };
  for (const [path, text] of Object.entries(files)) zip.file(path, text, { date: new Date(Date.UTC(2023, 11, 1)) });
  return writeGenerated('dst-new-york.zip', await zip.generateAsync({ type: 'uint8array' }));
}

const viewRange = (panel: Locator) => panel.getByTestId('timeline-view-range');

/** "2023-03-07 07:13:29 – 2023-11-10 …" → [start, end] in ms. */
async function range(panel: Locator): Promise<[number, number]> {
  const m = /^(\S+ \S+) – (\S+ \S+) UTC/.exec(await viewRange(panel).innerText());
  expect(m, 'the view range text').not.toBeNull();
  return [Date.parse(`${m![1].replace(' ', 'T')}Z`), Date.parse(`${m![2].replace(' ', 'T')}Z`)];
}

async function timeline(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const panel = page.locator('#panel-timeline');
  await expect(panel.getByTestId('timeline-view-range')).toBeVisible();
  return panel;
}

test.describe('server time zone and timeline framing (issue 11)', () => {
  test('a New York server: zone from its stamps, log times in it, and a zone change re-derives findings.json', async ({ page }, testInfo) => {
    await analyse(page, await newYorkZip());
    const panel = await timeline(page);
    await expect(panel.getByTestId('timeline-zone-id')).toHaveText('America/New_York');
    await expect(panel.getByTestId('timeline-zone')).toContainText(/−05:00 in \d+ from 2023-03-0\d to 2023-03-12, then −04:00/);
    await expect(panel.getByTestId('timeline-zone')).toContainText(/fits all: America\/New_York/);
    await expect(panel.getByTestId('timeline-zone')).toContainText(/log check: \d+ of \d+ accepted messages .* agree .* to the second/);

    // The log lines of the day before and the day after the November change (messages 33 and 53 of the
    // generator, one client IP each): the same wall-clock minute is −04:00 before and −05:00 after.
    await panel.getByRole('combobox', { name: 'Event type' }).selectOption('message-accepted');
    await panel.getByRole('button', { name: 'Fit all' }).click();
    const list = panel.getByRole('table', { name: 'Timeline events' });
    await expect(list.getByRole('columnheader', { name: 'Server time (America/New_York)' })).toBeVisible();
    const ip = panel.getByRole('searchbox', { name: 'Filter by IP address' });
    for (const [address, utc, local] of [
      ['198.51.100.34', '2023-11-04 06:13:29', '2023-11-04 02:13:29 −04:00'],
      ['198.51.100.54', '2023-11-06 06:13:29', '2023-11-06 01:13:29 −05:00'],
    ]) {
      await ip.fill(address);
      await ip.press('Enter');
      await expect(list.getByRole('row').nth(1)).toContainText(utc);
      await expect(list.getByRole('row').nth(1)).toContainText(local);
    }
    await shot(page, testInfo, 'zone-01-new-york');

    const before = JSON.parse((await downloadFrom(page, page.locator('[data-testid="export-findings-json"]'))).text);
    expect(before.run.timezone).toBe('America/New_York');

    await panel.getByLabel('Set to').fill('Europe/Berlin');
    await panel.getByRole('button', { name: 'Apply and re-analyse' }).click();
    expect(await waitForDone(page)).toBe('done');
    const after = await timeline(page);
    await expect(after.getByTestId('timeline-zone-id')).toHaveText('Europe/Berlin');
    await expect(after.getByTestId('timeline-zone')).toContainText(/set by the examiner; it explains .* log check: .* differ .* set its zone/);
    const doc = JSON.parse((await downloadFrom(page, page.locator('[data-testid="export-findings-json"]'))).text);
    expect(doc.run.timezone).toBe('Europe/Berlin');
    expect(doc.server.timeZone).toMatchObject({ id: 'Europe/Berlin', basis: expect.stringMatching(/^set by the examiner/) });
    await shot(page, testInfo, 'zone-02-berlin');

    await after.getByLabel('Set to').fill('Mars/Olympus');
    await after.getByRole('button', { name: 'Apply and re-analyse' }).click();
    await expect(after.getByText(/Use an IANA zone/)).toBeVisible();
  });

  test('the demo case: opens on the busy part; Fit all, Fit findings, zoom to a brushed selection, wheel zoom at the cursor', async ({ page }, testInfo) => {
    await openBuiltApp(page);
    await page.locator('[data-testid="load-demo"]').click();
    expect(await waitForDone(page)).toBe('done');
    const panel = await timeline(page);
    const opened = await range(panel);
    expect(opened[1] - opened[0], 'the demo spans about three days').toBeLessThan(4 * 86_400_000);

    await expect(panel.getByTestId('timeline-left-out')).toContainText(/^13 times left out/);
    await panel.getByTestId('timeline-left-out').locator('summary').click();
    await expect(panel.getByTestId('timeline-left-out')).toContainText('zone unknown');

    await panel.getByRole('combobox', { name: "Highlight a finding's events" }).selectOption('brute-force-source');
    await panel.getByRole('button', { name: 'Fit findings' }).click();
    await expect.poll(async () => (await range(panel))[1] - (await range(panel))[0], { message: 'fits the brute-force window' }).toBeLessThan(5 * 60_000);
    const [fs, fe] = await range(panel);
    expect(fs).toBeLessThanOrEqual(Date.UTC(2024, 5, 3, 8, 20, 5));
    expect(fe).toBeGreaterThanOrEqual(Date.UTC(2024, 5, 3, 8, 20, 54));
    await expect(viewRange(panel)).toContainText('bars of one second');
    await expect(panel.getByTestId('timeline-outside-before')).toContainText('earlier');
    await expect(panel.getByTestId('timeline-outside-after')).toContainText('later');
    await panel.getByTestId('timeline-text').locator('summary').click();
    await expect(panel.getByTestId('timeline-text')).toContainText('brute-force-source');
    await shot(page, testInfo, 'tl-fit-findings');

    await panel.getByRole('button', { name: 'Fit all' }).click();
    await expect(panel.getByTestId('timeline-outside-before')).toHaveCount(0);
    await expect(panel.getByTestId('timeline-outside-after')).toHaveCount(0);

    const canvas = panel.getByTestId('timeline-histogram');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(panel.getByText(/^Selection:/)).toBeVisible();
    const [all0, all1] = await range(panel);
    await panel.getByRole('button', { name: 'Zoom to selection' }).click();
    await expect.poll(async () => (await range(panel))[1] - (await range(panel))[0]).toBeLessThan((all1 - all0) * 0.2);

    // The wheel keeps the instant under the cursor in place while the span shrinks.
    const [z0, z1] = await range(panel);
    const x = box.x + box.width * 0.25;
    const under = z0 + (z1 - z0) * 0.25;
    await page.mouse.move(x, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await range(panel))[1] - (await range(panel))[0]).toBeLessThan((z1 - z0) * 0.9);
    const [w0, w1] = await range(panel);
    expect(Math.abs(w0 + (w1 - w0) * 0.25 - under), 'the instant under the cursor stays put').toBeLessThan((z1 - z0) * 0.02);
  });
});
