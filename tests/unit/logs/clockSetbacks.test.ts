/** Where a log's local clock goes back by more than a minute, line by line. */
import { describe, expect, it } from 'vitest';
import { createSetbackTracker } from '../../../src/lib/logs/clockSetbacks.ts';
import { MAX_SETBACKS_LISTED } from '../../../src/lib/logs/logLimits.ts';

function track(times: string[]) {
  const tracker = createSetbackTracker();
  times.forEach((t, i) => tracker.line(t, i + 1));
  return tracker.result();
}

describe('createSetbackTracker', () => {
  it('finds nothing in a log in time order, nor in threads interleaving by under a minute', () => {
    expect(track(['2024-10-27 01:59:00.000', '2024-10-27 01:59:30.000', '2024-10-27 01:58:31.000', '2024-10-27 02:00:00.000'])).toBeNull();
  });

  it('finds the repeated hour of a DST change, from the latest time before it', () => {
    expect(track(['2024-10-27 02:58:00.000', '2024-10-27 02:59:59.000', '2024-10-27 02:00:01.000', '2024-10-27 02:00:02.000'])).toEqual({
      listed: [{ lineNo: 3, from: '2024-10-27 02:59:59.000', to: '2024-10-27 02:00:01.000' }],
      total: 1,
    });
  });

  it('measures the lines after a setback against each other, not against the time before it', () => {
    const result = track(['2024-05-06 10:00:00.000', '2024-05-06 09:00:00.000', '2024-05-06 09:30:00.000', '2024-05-06 09:10:00.000']);
    expect(result?.listed.map((s) => s.lineNo)).toEqual([2, 4]);
    expect(result?.listed[1].from).toBe('2024-05-06 09:30:00.000');
  });

  it('counts a step back of exactly one minute as interleaving', () => {
    expect(track(['2024-05-06 10:01:00.000', '2024-05-06 10:00:00.000'])).toBeNull();
    expect(track(['2024-05-06 10:01:00.000', '2024-05-06 09:59:59.999'])?.total).toBe(1);
  });

  it(`lists the first ${MAX_SETBACKS_LISTED} setbacks and counts them all`, () => {
    const times: string[] = [];
    for (let i = 0; i < MAX_SETBACKS_LISTED + 5; i++) times.push('2024-05-06 12:00:00.000', '2024-05-06 10:00:00.000');
    const result = track(times);
    expect(result?.total).toBe(MAX_SETBACKS_LISTED + 5);
    expect(result?.listed).toHaveLength(MAX_SETBACKS_LISTED);
  });

  it('ignores a time that is not a calendar time', () => {
    expect(track(['2024-05-06 10:00:00.000', '2024-02-30 09:00:00.000'])).toBeNull();
  });
});
