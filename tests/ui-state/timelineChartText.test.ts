import { describe, expect, it } from 'vitest';
import { chartRows, chartSummary } from '../../src/ui/components/timelineChartText.ts';

const H = 3_600_000;
const T0 = Date.parse('2024-05-12T00:00:00Z');
const types = [{ type: 'logon-failed', count: 5 }, { type: 'message', count: 4 }];
const buckets = [
  { start: T0 + H, end: T0 + 2 * H, counts: [0, 1], total: 1 },
  { start: T0, end: T0 + H, counts: [3, 1], total: 4 },
  { start: T0 + 2 * H, end: T0 + 3 * H, counts: [0, 0], total: 0 },
  { start: T0 + 5 * H, end: T0 + 6 * H, counts: [2, 2], total: 4 },
];

describe('timeline chart as text', () => {
  it('lists the bars in view that have events, oldest first, types biggest first', () => {
    expect(chartRows(buckets, types, { start: T0, end: T0 + 4 * H })).toEqual([
      { start: '2024-05-12 00:00:00', total: 4, breakdown: 'logon-failed 3, message 1' },
      { start: '2024-05-12 01:00:00', total: 1, breakdown: 'message 1' },
    ]);
  });

  it('summarises events, bars, range and the busiest bar (the first on a tie)', () => {
    const rows = chartRows(buckets, types, { start: T0, end: T0 + 6 * H });
    expect(chartSummary(rows, 'hour')).toBe(
      '9 events in 3 bars (one bar per hour), from 2024-05-12 00:00:00 to 2024-05-12 05:00:00 UTC; the busiest bar starts 2024-05-12 00:00:00 with 4.',
    );
  });

  it('says so when nothing is in view', () => {
    expect(chartSummary(chartRows(buckets, types, null), 'hour')).toBe('No events in the visible time range.');
  });
});
