// Delays between Received hops as the message view shows them: signed, seconds to days.
import { describe, expect, it } from 'vitest';
import { formatHopDelay } from '../../src/ui/components/MessageHopDelay.ts';
import { timelineTicks } from '../../src/ui/components/TimelineAxis.ts';

describe('formatHopDelay', () => {
  it.each([
    [null, ''],
    [0, '0 s'],
    [12.4, '12 s'],
    [-180, '−3 min'],
    [185, '3 min 5 s'],
    [3_900, '1 h 5 min'],
    [7_200, '2 h'],
    [2 * 86_400 + 4 * 3_600 + 120, '2 d 4 h'],
    [-(3 * 86_400), '−3 d'],
    [Number.NaN, ''],
  ])('%s s → "%s"', (seconds, text) => {
    expect(formatHopDelay(seconds)).toBe(text);
  });
});

describe('timelineTicks', () => {
  it('labels a ten-day span by whole days or weeks, a year by months', () => {
    const days = timelineTicks({ start: Date.UTC(2024, 2, 1, 5), end: Date.UTC(2024, 2, 11) });
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(days.every((t) => new Date(t.ms).getUTCHours() === 0)).toBe(true);
    const months = timelineTicks({ start: Date.UTC(2023, 0, 15), end: Date.UTC(2024, 0, 15) });
    expect(months.map((t) => t.label)).toEqual(['2023-04', '2023-07', '2023-10', '2024-01']);
  });
});
