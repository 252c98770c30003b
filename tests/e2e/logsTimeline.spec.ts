/**
 * Issue 6 in the built page from file://: the sample log's sessions, the IP filter, a session's
 * transcript, top IPs by failures; the timeline histogram and the brute-force window (2024-05-12 10:14
 * server time) in its event list; the Timesketch JSONL and plain CSV downloads.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Locator } from '@playwright/test';
import { hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { expect, shot, test } from './helpers.ts';
import { SAMPLE_ZIP, analyse, downloadFrom, expectRows, openView, parseCsv, shownRows } from './e2eKit.ts';

const ATTACKER = '203.0.113.9';
const LOG = 'hMailServer/Logs/hmailserver_2024-05-12.log';
/** SMTPD lines: "SMTPD" <thread> <session> "<time>" "<ip>" "<text>". */
const SMTPD_LINE = /^"SMTPD"\t\d+\t(\d+)\t"([^"]+)"\t"([^"]+)"\t"(.*)"\s*$/;

interface LogSession {
  id: string;
  ip: string;
  start: string;
  lines: string[];
}

/** The sample log's SMTP sessions, read in Node as the reference for what the page shows. */
async function sampleSessions(): Promise<LogSession[]> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_ZIP));
  const text = await zip.file(LOG)!.async('string');
  const sessions = new Map<string, LogSession>();
  for (const line of text.split(/\r?\n/)) {
    const m = SMTPD_LINE.exec(line);
    if (!m) continue;
    const [, id, time, ip, body] = m;
    const s = sessions.get(id) ?? { id, ip, start: time, lines: [] };
    s.lines.push(body);
    sessions.set(id, s);
  }
  return [...sessions.values()];
}

function sessionsTable(panel: Locator): Locator {
  return panel.getByRole('table', { name: 'Log sessions' });
}

test.describe('logs and timeline (issue 6)', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('Logs: sessions, filter by IP, a session transcript, top IPs by failures', async ({ page }, testInfo) => {
    const sessions = await sampleSessions();
    const fromAttacker = sessions.filter((s) => s.ip === ATTACKER);
    const failures = fromAttacker.filter((s) => s.lines.some((l) => l.startsWith('SENT: 535'))).length;
    expect(failures).toBe(11);

    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Logs');
    await expectRows(panel, sessions.length);

    const top = panel.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Failures' }) });
    const attackerRow = top.getByRole('row').filter({ has: page.getByRole('button', { name: ATTACKER }) });
    await expect(attackerRow).toHaveCount(1);
    await expect(attackerRow.getByRole('cell').nth(1)).toHaveText(String(failures));
    await expect(top.getByRole('row').nth(1), 'the attacker heads the list').toContainText(ATTACKER);
    await shot(page, testInfo, 'logs-01-sessions');

    const ipFilter = panel.getByRole('searchbox', { name: 'Filter sessions by IP' });
    await ipFilter.fill(ATTACKER);
    await ipFilter.press('Enter');
    await expectRows(panel, fromAttacker.length, `sessions of ${ATTACKER}`);
    const rows = sessionsTable(panel).getByRole('row');
    for (const r of await rows.filter({ hasNot: page.getByRole('columnheader') }).allInnerTexts()) expect(r).toContain(ATTACKER);

    const first = [...fromAttacker].sort((a, b) => a.start.localeCompare(b.start))[0];
    await rows.filter({ hasText: first.start }).first().click();
    const session = page.getByRole('article', { name: 'Log session' });
    await expect(session).toBeVisible();
    const transcript = session.locator('pre.transcript, pre').last();
    for (const line of first.lines) await expect(transcript).toContainText(line);
    await expect(session).toContainText(`Transcript (`);
    await shot(page, testInfo, 'logs-02-transcript');

    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expectRows(panel, sessions.length);
    await attackerRow.getByRole('button', { name: ATTACKER }).click();
    await expectRows(panel, fromAttacker.length, 'a click on a top IP filters the sessions');
  });

  test('Timeline: histogram drawn; the event list holds the brute-force window at 10:14 server time', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openView(page, 'Timeline');
    await expect(panel).toContainText('Server time zone: UTC+02:00');
    const canvas = panel.locator('canvas');
    await expect(canvas).toBeVisible();
    await expect
      .poll(
        () =>
          canvas.evaluate((c: HTMLCanvasElement) => {
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            const colours = new Set<string>();
            for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
            return colours.size;
          }),
        { message: 'stacked bars in several colours on the canvas' },
      )
      .toBeGreaterThan(3);

    await panel.getByRole('combobox', { name: 'Event type' }).selectOption('logon-failed');
    await expectRows(panel, 11, 'logon-failed events');
    const list = panel.getByRole('table', { name: 'Timeline events' });
    await expect(list.getByRole('columnheader', { name: 'Server time (UTC+02:00)' })).toBeVisible();
    const firstEvent = list.getByRole('row').nth(1);
    await expect(firstEvent).toContainText('2024-05-12 10:14:09');
    await expect(firstEvent).toContainText('2024-05-12 08:14:09');
    await expect(firstEvent).toContainText(ATTACKER);
    await expect(list.getByRole('row').nth(11)).toContainText('2024-05-12 10:15:39');
    await shot(page, testInfo, 'tl-01-failed-logons');

    // The only bar left is the attack hour: a click on it selects exactly that window.
    const barX = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      const dpr = c.width / c.getBoundingClientRect().width;
      const y = Math.round(height * 0.6);
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i + 3] > 0 && !(data[i] === data[i + 1] && data[i + 1] === data[i + 2])) return x / dpr;
      }
      return null;
    });
    expect(barX, 'a coloured bar at 60% of the chart height').not.toBeNull();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: barX! + 1, y: box.height * 0.6 } });
    await expect(panel.getByText(/^Selection:/)).toContainText('2024-05-12 08:00:00 – 2024-05-12 09:00:00 UTC');
    await expectRows(panel, 11, 'the selected hour holds every failed logon');

    await list.getByRole('row').nth(1).click();
    await expect(page.getByRole('tab', { name: /Logs/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('article', { name: 'Log session' })).toContainText('2024-05-12 10:14:09');
    const timeline = await openView(page, 'Timeline');
    await timeline.getByRole('button', { name: 'Clear time range' }).click();

    await timeline.getByRole('button', { name: 'Clear filters' }).click();
    const ip = timeline.getByRole('searchbox', { name: 'Filter by IP address' });
    await ip.fill(ATTACKER);
    await ip.press('Enter');
    await expect(list.getByRole('row').filter({ hasText: 'logon-failed' }).first()).toContainText('2024-05-12 10:14:09');
    expect(await shownRows(panel), 'every event of the attacker: connections, failures, the success').toBeGreaterThan(23);
    // The success after the failures: the likely compromise of bob's account.
    await panel.getByRole('combobox', { name: 'Event type' }).selectOption('logon-ok');
    await expectRows(panel, 1, `logon-ok from ${ATTACKER}`);
    await expect(list.getByRole('row').nth(1)).toContainText('2024-05-12 10:15:48');
    await expect(list.getByRole('row').nth(1)).toContainText('bob@northwind.example');
    await shot(page, testInfo, 'tl-02-attacker');
  });

  test('Timesketch JSONL: every line parses with message, datetime and timestamp_desc', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const file = await downloadFrom(page, page.locator('[data-testid="export-timesketch"]'), testInfo);
    expect(file.name).toMatch(/\.jsonl$/);
    const lines = file.text.split('\n');
    expect(lines.at(-1), 'ends with a newline').toBe('');
    const events = lines.slice(0, -1).map((line, i) => {
      let event: Record<string, unknown> = {};
      expect(() => (event = JSON.parse(line)), `line ${i + 1} is JSON`).not.toThrow();
      return event;
    });
    expect(events.length).toBeGreaterThan(100);
    for (const [i, e] of events.entries()) {
      expect(typeof e.message === 'string' && e.message.length > 0, `line ${i + 1} message`).toBe(true);
      expect(e.datetime, `line ${i + 1} datetime`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
      expect(typeof e.timestamp_desc === 'string' && e.timestamp_desc.length > 0, `line ${i + 1} timestamp_desc`).toBe(true);
      if (e.timestamp !== undefined) expect(e.timestamp, `line ${i + 1} timestamp = datetime in µs`).toBe(Date.parse(e.datetime as string) * 1000);
    }
    const failed = events.filter((e) => e.ip === ATTACKER && String(e.datetime).startsWith('2024-05-12T08:14:09'));
    expect(failed.length, 'the first failed logon of the attack, in UTC').toBeGreaterThan(0);
  });

  test('Timeline CSV: RFC 4180 with the same columns on every row', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const file = await downloadFrom(page, page.locator('[data-testid="export-timelineCsv"]'), testInfo);
    expect(file.name).toMatch(/\.csv$/);
    const rows = parseCsv(file.text);
    const header = rows[0];
    expect(header).toEqual(expect.arrayContaining(['time_utc', 'time_local', 'type', 'description', 'ip']));
    for (const [i, row] of rows.entries()) expect(row.length, `row ${i + 1}`).toBe(header.length);
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    const window = rows.filter((r) => at(r, 'ip') === ATTACKER && at(r, 'time_local').startsWith('2024-05-12 10:14'));
    expect(window.length, 'brute-force window in the CSV').toBeGreaterThan(0);
  });

  test('Timesketch CSV export exists beside the JSONL', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const control = page.locator('[data-testid="export-timesketchCsv"]').or(page.getByRole('button', { name: /Timesketch.*CSV/ }));
    await expect(control).toBeVisible({ timeout: 3000 });
    const file = await downloadFrom(page, control, testInfo);
    const rows = parseCsv(file.text);
    expect(rows[0].slice(0, 2)).toEqual(['message', 'datetime']);
  });
});
