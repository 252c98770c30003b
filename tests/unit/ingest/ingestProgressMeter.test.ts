/** Intake progress: totals from the dropped files, reports throttled unless forced, bytes clamped, silent once stopped. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestProgress } from '../../../src/lib/ingest/ingestEvidence.ts';
import { IngestProgressMeter } from '../../../src/lib/ingest/ingestProgressMeter.ts';
import { PROGRESS_INTERVAL_MS } from '../../../src/lib/ingest/limits.ts';

const inputs = [
  { file: new Blob([new Uint8Array(10)]), path: 'a.zip' },
  { file: new Blob([new Uint8Array(30)]), path: 'b.eml' },
];

describe('IngestProgressMeter', () => {
  let seen: IngestProgress[];
  let meter: IngestProgressMeter;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    seen = [];
    meter = new IngestProgressMeter(inputs, (p) => seen.push(p));
  });
  afterEach(() => vi.useRealTimers());

  it('starts from the dropped files: one row and its size each', () => {
    meter.report('first');
    expect(seen).toEqual([{ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 40, step: 'first' }]);
  });

  it(`reports at most once per ${PROGRESS_INTERVAL_MS} ms unless forced, and the next report carries the latest step`, () => {
    meter.report('one');
    meter.report('two');
    meter.report('forced', true);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS - 1);
    meter.report('three');
    vi.advanceTimersByTime(1);
    meter.report('four');
    expect(seen.map((p) => p.step)).toEqual(['one', 'forced', 'four']);
  });

  it("never reports more bytes than the total, though a zip's own hash may still be counting", () => {
    meter.bytesDone = 55;
    meter.report('over');
    expect(seen[0].bytesDone).toBe(40);
    expect(meter.bytesDone).toBe(55);
  });

  it('reports nothing once stopped, even when forced', () => {
    meter.stop();
    meter.report('late', true);
    expect(seen).toEqual([]);
  });
});
