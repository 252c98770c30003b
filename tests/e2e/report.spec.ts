/**
 * Issue 12 in the built page: the Overview opens on "What happened here" (the attack chains with times,
 * confidence and evidence links that open the evidence) and the key facts; settings are coloured by risk; the
 * HTML report prints to PDF on A4 and US Letter with a contents page, "Page N of M" on every page, nothing
 * wider than the page and no page that is mostly monospace text. The PDF's text is read with pdf.js.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { SAMPLE_ZIP, SAMPLE_ZONE, analyse, downloadFrom } from './e2eKit.ts';
import { DEMO_ZIP, expect, largeEvidenceZip, openTab, status, tab, test } from './helpers.ts';

/** Lines of monospace text one printed page may hold: about a screenful is the limit the issue sets. */
const MAX_MONO_LINES_PER_PAGE = 40;
/** Printable width in CSS px of each paper at the report's 14 mm side margins (96 px per inch). */
const PRINT_WIDTHS = { A4: Math.floor(((210 - 28) / 25.4) * 96), Letter: Math.floor(((215.9 - 28) / 25.4) * 96) };

interface PrintedPage {
  text: string;
  monoLines: number;
}

async function pdfPages(pdf: Buffer): Promise<PrintedPage[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: PrintedPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const items = content.items.filter((t) => 'str' in t);
    const monoY = new Set(items.filter((t) => content.styles[t.fontName]?.fontFamily === 'monospace' && t.str.trim()).map((t) => Math.round(t.transform[5])));
    pages.push({ text: items.map((t) => t.str).join(''), monoLines: monoY.size });
  }
  await doc.destroy();
  return pages;
}

/** Downloads the HTML report and opens it in a page of its own. */
async function openReport(page: Page, testInfo: TestInfo): Promise<Page> {
  const file = await downloadFrom(page, page.locator('[data-testid="export-report"]'), testInfo);
  const report = await page.context().newPage();
  await report.goto(pathToFileURL(file.path!).href);
  await report.waitForLoadState('load');
  return report;
}

/** Prints on both papers and checks what issue 12 asks of every printed report. */
async function checkPrinted(report: Page, testInfo: TestInfo, maxPages: number): Promise<PrintedPage[]> {
  let a4: PrintedPage[] = [];
  for (const format of ['A4', 'Letter'] as const) {
    await report.emulateMedia({ media: 'print' });
    await report.setViewportSize({ width: PRINT_WIDTHS[format], height: 1000 });
    const overflow = await report.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${format} width`).toBeLessThanOrEqual(0);
    const pdf = await report.pdf({ path: testInfo.outputPath(`report-${format}.pdf`), format, printBackground: true });
    const pages = await pdfPages(pdf);
    expect(pages.length, `${format} pages`).toBeGreaterThan(3);
    expect(pages.length, `${format} pages`).toBeLessThanOrEqual(maxPages);
    pages.forEach((p, i) => {
      expect(p.text, `${format} page ${i + 1} number`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p.monoLines, `${format} page ${i + 1}: lines of monospace text`).toBeLessThanOrEqual(MAX_MONO_LINES_PER_PAGE);
    });
    expect(pages[1].text, 'contents on page 2').toMatch(/Contents1\. Executive summary2\. Findings by severity/);
    if (format === 'A4') a4 = pages;
  }
  return a4;
}

test.describe('what happened here, and the report (issue 12)', () => {
  test('the demo Overview opens on the story and the key facts, and its evidence links open the evidence', async ({ page }, testInfo) => {
    await analyse(page, DEMO_ZIP);
    await expect(status(page)).toHaveAttribute('data-tone', 'ok');
    const overview = await openTab(page, 'Overview');
    await expect(overview.locator('h2').first()).toHaveText('What happened here');
    const chain = overview.getByTestId('story-chain').first();
    await expect(chain).toHaveAttribute('data-kind', 'compromised-account');
    await expect(chain.getByRole('heading')).toContainText('Password guessing from 203.0.113.66, then a logon as ben@harbourline.example');
    const logon = chain.getByTestId('story-step').nth(2);
    await expect(logon).toHaveAttribute('data-confidence', 'likely');
    await expect(logon.getByTestId('story-time')).toHaveText('2024-06-03 08:21:01 UTC · 2024-06-03 10:21:01.352 server time (UTC+02:00)');

    const facts = overview.getByTestId('key-facts');
    await expect(facts).toContainText('mail.harbourline.example · hMailServer 5.6.x');
    await expect(facts.getByTestId('key-facts-max-id')).toContainText('1,010, 2,147,482,637 left to the signed 32-bit limit');
    await expect(facts.getByTestId('key-facts-problems')).toHaveAttribute('data-problems', '0');
    const factsBox = await facts.boundingBox();
    expect(factsBox!.y, 'key facts within the first two screens').toBeLessThan(1800);

    const settings = overview.getByRole('row').filter({ hasText: 'Attachment blocking' });
    await expect(settings.first()).toHaveAttribute('data-risk', 'medium');
    await expect(overview.getByRole('row').filter({ hasText: 'SPF test' }).first()).toHaveAttribute('data-risk', 'safe');
    await page.screenshot({ path: testInfo.outputPath('overview-story.png') });

    await logon.locator('[data-testid="story-evidence"][data-kind="session"]').click();
    await expect(tab(page, 'Logs')).toHaveAttribute('aria-selected', 'true');
    await tab(page, 'Overview').click();
    await chain.getByTestId('story-step').nth(3).locator('[data-testid="story-evidence"][data-kind="message"]').click();
    await expect(tab(page, 'Messages')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article', { name: 'Message' })).toBeVisible();
  });

  test('a run that reports a problem is not shown as all good', async ({ page }) => {
    const broken = { name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04 not really a zip') };
    const demo = { name: 'demo-evidence.zip', mimeType: 'application/zip', buffer: readFileSync(DEMO_ZIP) };
    await analyse(page, [demo, broken]);
    await expect(status(page)).toContainText('Problem: broken.zip');
    await expect(status(page)).toHaveAttribute('data-tone', 'warning');
    expect(await status(page).evaluate((e) => getComputedStyle(e).color), 'not the "ok" green').not.toBe('rgb(6, 118, 71)');
    const overview = await openTab(page, 'Overview');
    await expect(overview.getByTestId('key-facts-problems')).toHaveAttribute('data-problems', '1');
    await expect(overview.getByTestId('key-facts-problems')).toContainText('1 input problem: broken.zip');
  });

  test('the demo report prints with contents, page numbers, the story and no JSON dump', async ({ page }, testInfo) => {
    await analyse(page, DEMO_ZIP);
    const report = await openReport(page, testInfo);
    await expect(report.locator('section#summary .chain').first()).toContainText('Password guessing from 203.0.113.66');
    expect(await report.locator('pre').filter({ hasText: '{' }).count(), 'no JSON dump').toBe(0);
    await report.screenshot({ path: testInfo.outputPath('report-summary.png') });
    await checkPrinted(report, testInfo, 30);
  });

  test('the shared sample\'s report prints on A4 and Letter within the page, numbered, without monospace walls', async ({ page }, testInfo) => {
    test.skip(!hasSamples, SKIP_REASON);
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    const report = await openReport(page, testInfo);
    const pages = await checkPrinted(report, testInfo, 60);
    expect(pages.some((p) => p.text.includes('1. Executive summary')), 'executive summary printed').toBe(true);
  });

  test('the report of a 20,000-message case stays readable: long lists summarised, the hash list embedded', async ({ page }, testInfo) => {
    test.setTimeout(900_000);
    // About 30 s on a quiet 2-core machine; several minutes when the machine is busy with other work.
    await analyse(page, largeEvidenceZip(20_000), 600_000);
    const report = await openReport(page, testInfo);
    const html = readFileSync(testInfo.outputPath('report.html'), 'utf8');
    expect(await report.locator('section#inventory table tbody tr').count(), 'inventory summarised by kind').toBeLessThan(60);
    expect(html).toContain('download="inventory-hashes.csv"');
    await checkPrinted(report, testInfo, 120);
  });
});
