// TimelineModel with a mocked TriageClient: bucket size follows the zoom, the histogram asks for counts
// (GROUP BY), bursts of zooms are coalesced, the event list follows the selection, stale runs are dropped.
import { describe, expect, it, vi } from 'vitest';
import type { QueryResult } from '../../src/lib/model/analysisResult.ts';
import { bucketKeyToMs, bucketLevelFor, bucketStart, nextBucket } from '../../src/ui/queries/timeline.ts';
import { MIN_SPAN_MS, TimelineModel } from '../../src/ui/state/timelineModel.svelte.ts';
import { formatServerTime } from '../../src/ui/state/timelineTime.ts';
import { isZoneText } from '../../src/ui/state/zoneText.ts';
import { deferred, mockClient, type QueryCall, type QueryParams } from './mockClient.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A case whose events run from `min` to `max`; bucket queries can be held back with `gate`. */
function fakeCase(min = '2024-03-01T00:00:00.000Z', max = '2024-03-11T00:00:00.000Z') {
  const calls: QueryCall[] = [];
  let gate: Promise<void> | null = null;
  const query = vi.fn(async (sql: string, params: QueryParams = []): Promise<QueryResult> => {
    calls.push({ sql, params });
    if (sql.includes('LIMIT 1 OFFSET')) return { columns: [], rows: [[Number(params[0]) < 21 ? min : max]] };
    if (sql.startsWith('SELECT MIN(time_utc), MAX(time_utc)')) return { columns: [], rows: [['2024-03-05T00:00:00.000Z', '2024-03-06T00:00:00.000Z']] };
    if (sql.includes('SELECT MIN(time_utc) FROM case_timeline WHERE time_utc >= ?')) return { columns: [], rows: [[min]] };
    if (sql.includes('SELECT MAX(time_utc) FROM case_timeline WHERE time_utc <= ?')) return { columns: [], rows: [[max]] };
    if (sql.includes('(SELECT MIN(time_utc)')) return { columns: [], rows: [[min, max]] };
    if (sql.includes('GROUP BY type')) return { columns: [], rows: [['logon-failed', 900], ['message-received', 100]] };
    if (sql.includes('case_meta')) return { columns: [], rows: [[JSON.stringify({ id: 'Europe/Berlin', basis: 'guessed from Received headers', candidates: [{ id: 'Europe/Berlin', fits: 9 }], evidencePairs: 9 })]] };
    if (sql.startsWith('SELECT (SELECT CO')) return { columns: [], rows: [[3, 4]] };
    if (sql.includes('GROUP BY b')) {
      if (gate) await gate;
      return { columns: [], rows: [['2024-03-01', 'logon-failed', 5], ['2024-03-01', 'message-received', 2], ['2024-03-02', 'logon-failed', 1]] };
    }
    if (sql.startsWith('SELECT COUNT(*)')) return { columns: [], rows: [[42]] };
    return { columns: [], rows: [] };
  });
  const client = mockClient({ query });
  return { calls, client, query, hold: (p: Promise<void> | null) => (gate = p) };
}

/** Histogram queries: over the pre-counted tables (wide views, `GROUP BY b`) or the events (`GROUP BY bucket`). */
const bucketCalls = (calls: QueryCall[]) => calls.filter((c) => c.sql.includes('GROUP BY b'));

describe('bucket levels', () => {
  it('picks the finest level that shows the span in at most 400 bars', () => {
    expect(bucketLevelFor(60_000)).toBe('second');
    expect(bucketLevelFor(HOUR)).toBe('minute');
    expect(bucketLevelFor(2 * DAY)).toBe('10min');
    expect(bucketLevelFor(10 * DAY)).toBe('hour');
    expect(bucketLevelFor(365 * DAY)).toBe('day');
    expect(bucketLevelFor(20 * 365 * DAY)).toBe('month');
    expect(bucketLevelFor(300 * 365 * DAY)).toBe('year');
  });

  it('turns bucket keys into instants and steps months and years by the calendar', () => {
    expect(bucketKeyToMs('2024-03-01T13:4')).toBe(Date.UTC(2024, 2, 1, 13, 40));
    expect(bucketKeyToMs('2024-02')).toBe(Date.UTC(2024, 1, 1));
    expect(nextBucket(Date.UTC(2024, 1, 1), 'month')).toBe(Date.UTC(2024, 2, 1));
    expect(nextBucket(Date.UTC(2024, 0, 1), 'year')).toBe(Date.UTC(2025, 0, 1));
    expect(bucketStart(Date.UTC(2024, 2, 1, 13, 47, 12), '10min')).toBe(Date.UTC(2024, 2, 1, 13, 40));
  });
});

describe('TimelineModel', () => {
  it('opens on the whole span and asks for counts grouped at the level of the view', async () => {
    const { calls, client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    expect(model.zone).toMatchObject({ id: 'Europe/Berlin', candidates: [{ id: 'Europe/Berlin', fits: 9 }] });
    expect(model.outside).toEqual({ before: 3, after: 4 });
    expect(model.level).toBe('hour');
    const q = bucketCalls(calls)[0];
    expect(q.sql).toContain('FROM case_timeline_hours');
    expect(q.sql).toContain('SUM(n)');
    expect(q.params[0]).toBe(13);
    expect(model.buckets.map((b) => b.counts)).toEqual([[5, 2], [1, 0]]);
    expect(model.buckets[0].total).toBe(7);
  });

  it('zooming in shortens the buckets', async () => {
    const { calls, client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    await model.zoom(0.2);
    expect(model.level).toBe('10min');
    expect(bucketCalls(calls).at(-1)!.sql).toContain('FROM case_timeline_minutes');
    expect(bucketCalls(calls).at(-1)!.params[0]).toBe(15);
    await model.setView(0, MIN_SPAN_MS / 2);
    expect(model.view!.end - model.view!.start).toBe(MIN_SPAN_MS);
    expect(model.level).toBe('second');
    expect(bucketCalls(calls).at(-1)!.sql).toContain('COUNT(*) AS n FROM case_timeline WHERE');
    expect(bucketCalls(calls).at(-1)!.params[0]).toBe(19);
  });

  it('keeps the instant under the pointer in place while zooming', async () => {
    const { client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    const v = model.view!;
    const anchor = v.start + (v.end - v.start) * 0.25;
    await model.zoom(0.5, anchor);
    const w = model.view!;
    expect((anchor - w.start) / (w.end - w.start)).toBeCloseTo(0.25, 6);
  });

  it('coalesces a burst of zooms into one query after the one in flight', async () => {
    const { calls, client, hold } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    const before = bucketCalls(calls).length;
    const gate = deferred<void>();
    hold(gate.promise);
    const zooms = Array.from({ length: 10 }, () => model.zoom(0.9));
    hold(null);
    gate.resolve();
    await Promise.all(zooms);
    expect(bucketCalls(calls).length - before).toBe(2);
    const from = String(bucketCalls(calls).at(-1)!.params[1]);
    expect(from.length).toBeGreaterThanOrEqual(10);
    expect(new Date(model.view!.start).toISOString().startsWith(from)).toBe(true);
  });

  it('lists the events of the selection, paged, with filters as parameters', async () => {
    const { calls, client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    await model.setFilter({ ip: "10.0.0.1' --", type: 'logon-failed', indicator: 'brute-force-source' });
    await model.brush({ start: Date.UTC(2024, 2, 2), end: Date.UTC(2024, 2, 3) });
    expect(model.events.total).toBe(42);
    const page = calls.filter((c) => c.sql.includes('LIMIT ? OFFSET ?')).at(-1)!;
    expect(page.sql).not.toContain('10.0.0.1');
    expect(page.params.slice(0, 4)).toEqual(['2024-03-02T00:00:00.000Z', '2024-03-03T00:00:00.000Z', "10.0.0.1' --", 'logon-failed']);
    expect(page.params).toContain('%,brute-force-source,%');
    expect(page.params.slice(-2)).toEqual([100, 0]);
  });

  it('drops answers of an older run', async () => {
    // The older run sees another case, so its late answers would change the model if they were let through.
    const older = fakeCase('2020-01-01T00:00:00.000Z', '2020-01-02T00:00:00.000Z');
    const newer = fakeCase();
    const held = deferred<void>();
    let current = 1;
    const query = vi.fn(async (sql: string, params: QueryParams = []) => {
      if (current === 2) return newer.query(sql, params);
      await held.promise;
      return older.query(sql, params);
    });
    const model = new TimelineModel(mockClient({ query }));
    const a = model.open(1);
    current = 2;
    await model.open(2);
    const afterSecond = { extent: model.extent, view: model.view, types: model.types };
    expect(afterSecond.extent).toEqual({ start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 2, 11) + 1 });
    held.resolve();
    await a;
    expect(model.runId).toBe(2);
    expect({ extent: model.extent, view: model.view, types: model.types }).toEqual(afterSecond);
  });

  it('fits findings, zooms to the selection and highlights a finding\'s events', async () => {
    const { calls, client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    await model.fitFindings();
    const day = model.view!.end - model.view!.start;
    expect(model.view!.start).toBeLessThan(Date.UTC(2024, 2, 5));
    expect(day).toBeLessThan(1.1 * DAY);
    await model.brush({ start: Date.UTC(2024, 2, 5, 10), end: Date.UTC(2024, 2, 5, 11) });
    await model.zoomToSelection();
    expect(model.view).toEqual({ start: Date.UTC(2024, 2, 5, 10), end: Date.UTC(2024, 2, 5, 11) });
    expect(model.level).toBe('minute');
    await model.setHighlight('brute-force-source');
    const marked = bucketCalls(calls).at(-1)!;
    expect(marked.sql).toContain('case_findings');
    expect(model.highlighted.get(Date.UTC(2024, 2, 1))).toBe(7);
    await model.resetView();
    expect(model.view!.start).toBeLessThan(Date.UTC(2024, 2, 1));
  });

  it('steps down to one-second bars', async () => {
    const { client } = fakeCase();
    const model = new TimelineModel(client);
    await model.open(1);
    await model.setView(Date.UTC(2024, 2, 1, 10), Date.UTC(2024, 2, 1, 10, 1));
    expect(model.level).toBe('second');
  });
});

describe('time zone text', () => {
  it('shows an instant on the server clock with the offset in force then', () => {
    expect(formatServerTime('2024-03-01T23:30:00.000Z', 'UTC+02:00')).toBe('2024-03-02 01:30:00 +02:00');
    expect(formatServerTime('2023-11-05T05:30:00.000Z', 'America/New_York')).toBe('2023-11-05 01:30:00 −04:00');
    expect(formatServerTime('2023-11-05T06:30:00.000Z', 'America/New_York')).toBe('2023-11-05 01:30:00 −05:00');
    expect(formatServerTime('2024-07-01T10:00:00.000Z', 'Europe/Berlin')).toBe('2024-07-01 12:00:00 +02:00');
  });

  it('accepts IANA zones and offsets, and nothing else', () => {
    for (const ok of ['Europe/Berlin', 'america/new_york', '+02:00', 'UTC-0530', '−05:00', 'UTC']) expect(isZoneText(ok), ok).toBe(true);
    for (const bad of ['+15:00', 'two', 'Mars/Olympus', '', '+02:75']) expect(isZoneText(bad), bad).toBe(false);
  });
});
