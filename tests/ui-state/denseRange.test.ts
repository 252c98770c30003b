/** The default view's span: the farthest 0.5% and far-out outliers are left out, a compact case is kept whole. */
import { describe, expect, it } from 'vitest';
import { denseRange, type SortedTimes } from '../../src/ui/state/denseRange.ts';

function sorted(times: number[]): SortedTimes {
  const t = [...times].sort((a, b) => a - b);
  return {
    count: t.length,
    nth: async (i) => t[i],
    firstFrom: async (ms) => t.find((x) => x >= ms) ?? null,
    lastUpTo: async (ms) => [...t].reverse().find((x) => x <= ms) ?? null,
  };
}

const DAY = 86_400_000;
const base = Date.UTC(2023, 10, 1);

describe('denseRange', () => {
  it('drops a lone 1901-style outlier and a skewed clock years later even in a small case', async () => {
    const days = Array.from({ length: 50 }, (_, i) => base + (i % 5) * DAY + i * 60_000);
    const r = await denseRange(sorted([Date.UTC(2001, 0, 1), ...days, Date.UTC(2031, 0, 1)]));
    expect(r).toEqual({ start: base, end: Math.max(...days) });
  });

  it('keeps every event of a case spread evenly over months', async () => {
    const months = Array.from({ length: 300 }, (_, i) => base + i * DAY);
    expect(await denseRange(sorted(months))).toEqual({ start: base + Math.floor(300 * 0.005) * DAY, end: base + (299 - Math.floor(300 * 0.005)) * DAY });
  });

  it('is null without events', async () => {
    expect(await denseRange(sorted([]))).toBeNull();
  });
});
