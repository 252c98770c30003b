/**
 * Issue 5 in the built page from file://: the Indicators tab groups findings by category with counts,
 * shows each finding's evidence, opens its messages, masks secrets until Reveal; findings.json of the
 * sample (+ DNS zone) holds exactly the expected findings, whether the zip or its unzipped folder is
 * dropped; the real-signer DKIM fixtures give the verdicts their manifest records.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { expectedFindings, hasSamples, SKIP_REASON, type ExpectedFindings } from '../helpers/sharedSamples.ts';
import { findingCategory } from '../../src/lib/model/findingCategory.ts';
import type { FindingType } from '../../src/lib/model/finding.ts';
import { downloadFindings, expect, openBuiltApp, shot, status, test, waitForDone, type FindingsJson } from './helpers.ts';
import {
  DKIM_FIXTURES,
  E2E_GENERATED,
  SAMPLE_ZIP,
  SAMPLE_ZONE,
  analyse,
  expectRows,
  findingsOf,
  openView,
  validateFindingsSchema,
  type Finding,
} from './e2eKit.ts';

const CATEGORIES = ['Integrity', 'Authenticity', 'Spam', 'Abuse', 'Attachments', 'Configuration & accounts'];

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Pairs every expected finding with a distinct actual one of the same type whose ref includes the
 * expected ref; returns what is left on either side (both empty = exactly the expected findings).
 */
function matchExpected(actual: Finding[], expected: ExpectedFindings['findings'], pathPrefix = ''): { missing: string[]; extra: string[] } {
  const left = [...actual];
  const missing: string[] = [];
  for (const want of expected) {
    const i = left.findIndex(
      (f) => f.type === want.type && Object.entries(want.ref).every(([k, v]) => f.ref[k] === (k === 'message' || k === 'file' ? pathPrefix + v : v)),
    );
    if (i < 0) missing.push(`${want.type} ${JSON.stringify(want.ref)}`);
    else left.splice(i, 1);
  }
  return { missing, extra: left.map((f) => `${f.type} ${JSON.stringify(f.ref)} (${f.severity}): ${f.summary}`) };
}

function checkAgainstExpected(json: FindingsJson, pathPrefix = ''): void {
  const expected = expectedFindings();
  const findings = findingsOf(json);
  const { missing, extra } = matchExpected(findings, expected.findings, pathPrefix);
  expect(missing, 'expected findings absent from findings.json').toEqual([]);
  expect(extra, 'findings beyond the expected ones').toEqual([]);
  for (const want of expected.findings.filter((f) => f.details)) {
    const got = findings.find((f) => f.type === want.type && Object.entries(want.ref).every(([k, v]) => f.ref[k] === v));
    expect(got?.details, `${want.type} details`).toMatchObject(want.details!);
  }
  for (const clean of expected.cleanMessages) {
    const loud = findings.filter((f) => f.ref.message === pathPrefix + clean && (f.severity === 'medium' || f.severity === 'high'));
    expect(loud.map((f) => f.type), `medium/high findings on clean message ${clean}`).toEqual([]);
  }
}

test.describe('indicators (issue 5)', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('grouped by category with counts; a finding expands to its evidence; "Open these messages" filters Messages', async ({ page }, testInfo) => {
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    const { json } = await downloadFindings(page);
    const findings = findingsOf(json);
    const panel = await openView(page, 'Indicators');
    await expect(panel).toContainText(`${findings.length} of ${findings.length} findings`);

    const byCategory = countBy(findings, (f) => findingCategory(f.type as FindingType));
    for (const category of CATEGORIES) {
      const region = panel.getByRole('region', { name: category, exact: true });
      await expect(region.getByRole('heading', { level: 2 }), category).toContainText(`${category} ${byCategory.get(category) ?? 0}`);
    }
    const byType = countBy(findings, (f) => f.type);
    for (const [type, count] of byType) {
      const group = panel.locator(`details[data-finding-type="${type}"]`);
      await expect(group.locator('summary'), type).toContainText(new RegExp(`${type}\\s*${count}\\b`));
      const region = panel.getByRole('region', { name: findingCategory(type as FindingType), exact: true });
      await expect(region.locator(`details[data-finding-type="${type}"]`), `${type} under its category`).toHaveCount(1);
    }
    await shot(page, testInfo, 'ind-01-grouped');

    const brute = panel.locator('details[data-finding-type="brute-force-source"]');
    await brute.locator('summary').click();
    const item = brute.getByRole('listitem').first();
    const finding = findings.find((f) => f.type === 'brute-force-source')!;
    await expect(item).toContainText(finding.summary);
    await expect(item.getByRole('button', { name: '203.0.113.9' })).toBeVisible();
    await item.locator('details > summary', { hasText: 'Details' }).click();
    for (const [key, value] of Object.entries(finding.details)) {
      if (typeof value === 'number') await expect(item, `details.${key}`).toContainText(String(value));
    }
    await shot(page, testInfo, 'ind-02-evidence');

    const dkim = new Set(findings.filter((f) => f.type === 'dkim-body-hash-mismatch').map((f) => f.ref.message));
    await panel.locator('[data-finding-group="dkim-body-hash-mismatch"]').getByRole('button', { name: 'Open these messages' }).click();
    await expect(page.getByRole('tab', { name: /Messages/ })).toHaveAttribute('aria-selected', 'true');
    const messages = page.locator('#panel-messages');
    await expectRows(messages, dkim.size);
    const rows = messages.getByRole('table', { name: 'Messages' }).getByRole('row');
    for (let i = 1; i <= dkim.size; i++) await expect(rows.nth(i)).toContainText('dkim-body-hash-mismatch');
    await shot(page, testInfo, 'ind-03-open-messages');
  });

  test('the weak-password secret stays masked until Reveal is clicked', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const { text: findingsText } = await downloadFindings(page);
    const panel = await openView(page, 'Indicators');
    const group = panel.locator('details[data-finding-type="weak-password"]');
    await group.locator('summary').click();
    const bob = group.getByRole('listitem').filter({ hasText: 'bob@northwind.example' });
    await expect(bob).toContainText('••••••••');
    const before = await page.locator('body').innerText();
    await shot(page, testInfo, 'ind-04-masked');

    await bob.getByRole('button', { name: 'Reveal' }).click();
    const secret = bob.locator('.secret .mono');
    await expect(secret).toBeVisible();
    const password = (await secret.innerText()).trim();
    expect(password.length, 'revealed password').toBeGreaterThan(0);
    expect(password).not.toBe('(not recorded)');
    expect(before, 'the password is nowhere on the page before Reveal').not.toContain(password);
    expect(findingsText, 'findings.json never carries the password').not.toContain(`"${password}"`);
    await shot(page, testInfo, 'ind-05-revealed');

    await bob.getByRole('button', { name: 'Hide' }).click();
    await expect(bob).toContainText('••••••••');
    await expect(bob).not.toContainText(password);
  });

  test('findings.json of the sample + zone holds exactly the expected findings', async ({ page }, testInfo) => {
    await analyse(page, [SAMPLE_ZIP, SAMPLE_ZONE]);
    const { json } = await downloadFindings(page, testInfo);
    validateFindingsSchema(json);
    checkAgainstExpected(json);
  });

  test('the sample unzipped in Node and dropped as a folder gives the same findings', async ({ page }, testInfo) => {
    const root = join(E2E_GENERATED, 'unzipped', 'sample-case');
    rmSync(root, { recursive: true, force: true });
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_ZIP));
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const path = join(root, entry.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await entry.async('uint8array'));
    }
    writeFileSync(join(root, 'sample-dns.zone'), readFileSync(SAMPLE_ZONE));
    expect(readdirSync(root).sort()).toEqual(['hMailServer', 'sample-dns.zone']);

    await openBuiltApp(page);
    await page.getByLabel('Evidence folder').setInputFiles(root);
    expect(await waitForDone(page), await status(page).innerText()).toBe('done');
    const { json } = await downloadFindings(page, testInfo);
    validateFindingsSchema(json);
    // A picked folder's files keep the folder's name in front (webkitRelativePath).
    const prefix = json.inventory.some((r) => r.path.startsWith('sample-case/')) ? 'sample-case/' : '';
    const entries = json.inventory.filter((r) => r.path.startsWith(`${prefix}hMailServer/`));
    expect(Object.fromEntries(entries.map((r) => [r.path.slice(prefix.length), r.sha256]))).toEqual(expectedFindings().sha256);
    checkAgainstExpected(json, prefix);
  });

  test('real-signer DKIM fixtures with their keys give the verdicts of their manifest', async ({ page }, testInfo) => {
    const manifest = JSON.parse(readFileSync(join(DKIM_FIXTURES, 'manifest.json'), 'utf8')) as {
      file: string;
      bodyHashOk: boolean;
      signatureOk: boolean;
    }[];
    const files = readdirSync(DKIM_FIXTURES).filter((f) => f.endsWith('.eml') || f.endsWith('.zone'));
    await analyse(page, files.map((f) => join(DKIM_FIXTURES, f)));
    const { json } = await downloadFindings(page, testInfo);
    const findings = findingsOf(json);
    const typesOf = (file: string) => new Set(findings.filter((f) => f.ref.message === file).map((f) => f.type));
    for (const entry of manifest) {
      const types = typesOf(entry.file);
      const verdict = `${entry.file}: ${[...types].join(', ')}`;
      expect(types.has('dkim-body-hash-mismatch'), verdict).toBe(!entry.bodyHashOk);
      if (entry.bodyHashOk) {
        expect(types.has('dkim-signature-valid'), verdict).toBe(entry.signatureOk);
        expect(types.has('dkim-signature-invalid'), verdict).toBe(!entry.signatureOk);
      } else {
        expect(types.has('dkim-signature-valid'), `${verdict} (the body no longer matches)`).toBe(false);
      }
    }
    const panel = await openView(page, 'Indicators');
    await expect(panel.locator('details[data-finding-type="dkim-signature-invalid"] summary')).toBeVisible();
    await shot(page, testInfo, 'ind-06-dkim');
  });
});
