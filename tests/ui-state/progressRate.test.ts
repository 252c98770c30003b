// Throughput over a sliding window and the ETA derived from it.
import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, progressRate, trimSamples } from '../../src/ui/state/progressRate.ts';

describe('progressRate', () => {
  it('is bytes moved per second between the first and last sample', () => {
    const rate = progressRate([{ at: 0, bytesDone: 0 }, { at: 2000, bytesDone: 4_000_000 }], 10_000_000);
    expect(rate.bytesPerSecond).toBe(2_000_000);
    expect(rate.etaSeconds).toBe(3);
  });

  it('has no ETA before two samples or while nothing moves', () => {
    expect(progressRate([], 10)).toEqual({ bytesPerSecond: 0, etaSeconds: null });
    expect(progressRate([{ at: 5, bytesDone: 1 }], 10)).toEqual({ bytesPerSecond: 0, etaSeconds: null });
    expect(progressRate([{ at: 0, bytesDone: 5 }, { at: 1000, bytesDone: 5 }], 10).etaSeconds).toBeNull();
  });

  it('keeps one sample before the window as the baseline and drops older ones', () => {
    const samples = [0, 1000, 2000, 8000].map((at) => ({ at, bytesDone: at }));
    expect(trimSamples(samples, 8000).map((s) => s.at)).toEqual([2000, 8000]);
    expect(trimSamples(samples, RATE_WINDOW_MS).map((s) => s.at)).toEqual([0, 1000, 2000, 8000]);
  });
});
