/**
 * Bucket arithmetic of the Timeline tab: which bar width shows a span, where a bar starts and ends, and the
 * event rows as the list shows them. The SQL is the store's (src/lib/store/queries/timelineQueries.ts).
 */
import type { SqlParam } from '../../lib/store/queries/sqlQuery.ts';
import type { TimelineFilter } from '../../lib/store/queries/timelineQueries.ts';
import { LEVELS, levelSpec, type BucketLevel } from '../../lib/model/timelineLevel.ts';

export const EMPTY_TIMELINE_FILTER: TimelineFilter = { account: '', ip: '', type: '', indicator: '', tag: '' };

/** Bars drawn at most: keeps the GROUP BY answer (bars × event types) under the query row limit. */
const MAX_BUCKETS = 400;
/** The ISO time that a bucket key is the start of. */
const ISO_TEMPLATE = '0000-01-01T00:00:00.000Z';

/** The finest level that shows the span in at most maxBuckets bars. */
export function bucketLevelFor(spanMs: number, maxBuckets = MAX_BUCKETS): BucketLevel {
  for (const l of LEVELS) if (spanMs / l.approxMs <= maxBuckets) return l.id;
  return 'year';
}

export function bucketKeyToMs(key: string): number {
  return Date.parse(key + ISO_TEMPLATE.slice(key.length));
}

export function bucketStart(ms: number, level: BucketLevel): number {
  return bucketKeyToMs(new Date(ms).toISOString().slice(0, levelSpec(level).prefix));
}

export function nextBucket(startMs: number, level: BucketLevel): number {
  const d = new Date(startMs);
  if (level === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  if (level === 'year') return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return startMs + levelSpec(level).approxMs;
}

export interface TimelineEventRow {
  /** The event's rowid in case_timeline: what keeps it selected across filters. */
  id: number;
  timeUtc: string;
  timeLocal: string | null;
  type: string;
  source: string | null;
  description: string | null;
  refMessage: string | null;
  refSession: string | null;
  account: string | null;
  ip: string | null;
}

export function toTimelineEventRow(r: SqlParam[]): TimelineEventRow {
  const str = (v: SqlParam | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    timeUtc: String(r[0]),
    timeLocal: str(r[1]),
    type: String(r[2] ?? ''),
    source: str(r[3]),
    description: str(r[4]),
    refMessage: str(r[5]),
    refSession: str(r[6]),
    account: str(r[7]),
    ip: str(r[8]),
    id: Number(r[9]),
  };
}
