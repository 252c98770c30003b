/** The Timeline's bar widths: each names its buckets by a prefix of the ISO UTC time ("2024-05-12T10" is an hour). */
export type BucketLevel = 'second' | 'minute' | '10min' | 'hour' | 'day' | 'month' | 'year';

export interface LevelSpec {
  id: BucketLevel;
  label: string;
  /** Characters of "YYYY-MM-DDTHH:MM:SS.mmmZ" that name one bucket. */
  prefix: number;
  /** Bucket length; months and years use their average only to pick a level. */
  approxMs: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Finest first. */
export const LEVELS: readonly LevelSpec[] = [
  { id: 'second', label: 'second', prefix: 19, approxMs: 1000 },
  { id: 'minute', label: 'minute', prefix: 16, approxMs: MINUTE },
  { id: '10min', label: '10 minutes', prefix: 15, approxMs: 10 * MINUTE },
  { id: 'hour', label: 'hour', prefix: 13, approxMs: 60 * MINUTE },
  { id: 'day', label: 'day', prefix: 10, approxMs: DAY },
  { id: 'month', label: 'month', prefix: 7, approxMs: 30.44 * DAY },
  { id: 'year', label: 'year', prefix: 4, approxMs: 365.25 * DAY },
];

export function levelSpec(level: BucketLevel): LevelSpec {
  return LEVELS.find((l) => l.id === level) ?? LEVELS[4];
}

export interface TimeRange {
  start: number;
  end: number;
}

/** Years SQLite and Date.toISOString agree on as four-digit text (comparisons on time_utc stay lexical). */
export const MIN_TIME_MS = Date.UTC(1, 0, 1);
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

export function isoOf(ms: number): string {
  return new Date(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, ms))).toISOString();
}
