/**
 * The dense part of a timeline: the span the default view fits, so one skewed clock or one forgotten test
 * message years away does not squeeze every other event into one bar. Two rules, both must hold:
 * - the farthest OUTLIER_SHARE of events at each end is left out;
 * - so is any event beyond FENCE interquartile ranges from the middle half (Tukey's far-out fence), which also
 *   catches a lone outlier in a case too small for the share to drop one event.
 * Events outside the view are still counted and marked at the chart's edges.
 */

const OUTLIER_SHARE = 0.005;
const FENCE = 3;
/** A middle half narrower than this (a burst within seconds) would make the fence cut real activity. */
const MIN_IQR_MS = 86_400_000;

export interface SortedTimes {
  /** How many placed events there are. */
  count: number;
  /** The i-th time (0-based, ascending), as epoch ms. */
  nth(i: number): Promise<number>;
  /** The first time at or after ms, or null. */
  firstFrom(ms: number): Promise<number | null>;
  /** The last time at or before ms, or null. */
  lastUpTo(ms: number): Promise<number | null>;
}

export async function denseRange(times: SortedTimes): Promise<{ start: number; end: number } | null> {
  const n = times.count;
  if (n === 0) return null;
  const k = Math.floor(n * OUTLIER_SHARE);
  const [lo, hi, q1, q3] = await Promise.all([times.nth(k), times.nth(n - 1 - k), times.nth(Math.floor((n - 1) / 4)), times.nth(Math.floor((3 * (n - 1)) / 4))]);
  const iqr = Math.max(MIN_IQR_MS, q3 - q1);
  const [fenced, fencedEnd] = await Promise.all([times.firstFrom(q1 - FENCE * iqr), times.lastUpTo(q3 + FENCE * iqr)]);
  const start = Math.max(lo, fenced ?? lo);
  const end = Math.min(hi, fencedEnd ?? hi);
  return end >= start ? { start, end } : { start: lo, end: hi };
}
