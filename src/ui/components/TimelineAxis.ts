/**
 * Tick marks and labels of the timeline histogram's time axis: the smallest round step (minutes, hours,
 * days, months, years) that puts at most MAX_TICKS labels on the visible span.
 */
import type { TimeRange } from '../../lib/model/timelineLevel.ts';

/** Labels along the axis at most; more would overlap on a laptop screen. */
const MAX_TICKS = 8;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Round steps: fixed ones in milliseconds, calendar ones in months. */
const SEC = 1000;
const STEPS: { ms?: number; months?: number }[] = [
  { ms: SEC }, { ms: 5 * SEC }, { ms: 10 * SEC }, { ms: 30 * SEC }, { ms: MIN }, { ms: 5 * MIN }, { ms: 10 * MIN }, { ms: 30 * MIN }, { ms: HOUR }, { ms: 3 * HOUR }, { ms: 6 * HOUR },
  { ms: 12 * HOUR }, { ms: DAY }, { ms: 2 * DAY }, { ms: 7 * DAY }, { months: 1 }, { months: 3 }, { months: 12 },
  { months: 60 }, { months: 120 }, { months: 600 }, { months: 1200 },
];

export interface AxisTick {
  ms: number;
  label: string;
}

function label(ms: number, step: { ms?: number; months?: number }): string {
  const iso = new Date(ms).toISOString();
  if (step.months) return step.months % 12 === 0 ? iso.slice(0, 4) : iso.slice(0, 7);
  if ((step.ms ?? 0) >= DAY) return iso.slice(0, 10);
  if ((step.ms ?? 0) < MIN) return `${iso.slice(5, 10)} ${iso.slice(11, 19)}`;
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

function firstTick(start: number, step: { ms?: number; months?: number }): number {
  if (step.ms) return Math.ceil(start / step.ms) * step.ms;
  const d = new Date(start);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const first = Math.ceil(months / step.months!) * step.months!;
  const t = Date.UTC(Math.floor(first / 12), first % 12, 1);
  return t < start ? Date.UTC(Math.floor((first + step.months!) / 12), (first + step.months!) % 12, 1) : t;
}

function next(t: number, step: { ms?: number; months?: number }): number {
  if (step.ms) return t + step.ms;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step.months!, 1);
}

export function timelineTicks(view: TimeRange): AxisTick[] {
  const span = view.end - view.start;
  const step = STEPS.find((s) => span / (s.ms ?? s.months! * 30.44 * DAY) <= MAX_TICKS) ?? STEPS[STEPS.length - 1];
  const ticks: AxisTick[] = [];
  for (let t = firstTick(view.start, step); t <= view.end && ticks.length < MAX_TICKS * 2; t = next(t, step)) {
    ticks.push({ ms: t, label: label(t, step) });
  }
  return ticks;
}
