/**
 * SQL and bucket arithmetic of the Timeline tab over case_timeline. Histogram counts come from GROUP BY
 * on a prefix of the ISO UTC time (minute … year), so the page receives counts, never the events.
 */
import type { SqlParam, SqlQuery } from '../../lib/store/queries/sqlQuery.ts';
import { escapeLike } from '../../lib/model/escapeLike.ts';

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

const LEVELS: readonly LevelSpec[] = [
  { id: 'second', label: 'second', prefix: 19, approxMs: 1000 },
  { id: 'minute', label: 'minute', prefix: 16, approxMs: MINUTE },
  { id: '10min', label: '10 minutes', prefix: 15, approxMs: 10 * MINUTE },
  { id: 'hour', label: 'hour', prefix: 13, approxMs: 60 * MINUTE },
  { id: 'day', label: 'day', prefix: 10, approxMs: DAY },
  { id: 'month', label: 'month', prefix: 7, approxMs: 30.44 * DAY },
  { id: 'year', label: 'year', prefix: 4, approxMs: 365.25 * DAY },
];

/** Bars drawn at most: keeps the GROUP BY answer (bars × event types) under the query row limit. */
const MAX_BUCKETS = 400;
/** The ISO time that a bucket key is the start of. */
const ISO_TEMPLATE = '0000-01-01T00:00:00.000Z';
/** Years SQLite and Date.toISOString agree on as four-digit text (comparisons on time_utc stay lexical). */
export const MIN_TIME_MS = Date.UTC(1, 0, 1);
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

export function levelSpec(level: BucketLevel): LevelSpec {
  return LEVELS.find((l) => l.id === level) ?? LEVELS[4];
}

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

export function isoOf(ms: number): string {
  return new Date(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, ms))).toISOString();
}

export interface TimelineFilter {
  account: string;
  ip: string;
  type: string;
  /** A finding type: events of a message that carries it, or of an IP or account it names. */
  indicator: string;
}

export const EMPTY_TIMELINE_FILTER: TimelineFilter = { account: '', ip: '', type: '', indicator: '' };

export interface TimeRange {
  start: number;
  end: number;
}

function timelineWhere(f: TimelineFilter, range: TimeRange): SqlQuery {
  return filterWhere(f, ['time_utc >= ?', 'time_utc < ?'], [isoOf(range.start), isoOf(range.end)]);
}

/** The filter's terms after the given ones (time bounds), as one WHERE clause. */
export function filterWhere(f: TimelineFilter, terms: string[], params: SqlParam[]): SqlQuery {
  if (f.account) {
    terms.push('account = ? COLLATE NOCASE');
    params.push(f.account.trim());
  }
  if (f.ip) {
    terms.push('ip = ?');
    params.push(f.ip.trim());
  }
  if (f.type) {
    terms.push('type = ?');
    params.push(f.type);
  }
  if (f.indicator) {
    terms.push(
      "(ref_message IN (SELECT path FROM case_messages WHERE (',' || indicators || ',') LIKE ? ESCAPE '\\') " +
        'OR ip IN (SELECT ref_ip FROM case_findings WHERE type = ? AND ref_ip IS NOT NULL) ' +
        'OR lower(account) IN (SELECT lower(ref_account) FROM case_findings WHERE type = ? AND ref_account IS NOT NULL))',
    );
    params.push(`%,${escapeLike(f.indicator)},%`, f.indicator, f.indicator);
  }
  return { sql: `WHERE ${terms.join(' AND ')}`, params };
}

/**
 * The pre-counted bucket tables of the case database (src/lib/store/timelineBuckets.ts), finest first: a wide
 * view sums their counts instead of grouping events.
 */
const COUNTED = [
  { table: 'case_timeline_minutes', prefix: 16 },
  { table: 'case_timeline_hours', prefix: 13 },
  { table: 'case_timeline_days', prefix: 10 },
] as const;

/** Only the event type is in the bucket tables: an account, IP or finding filter reads the events. */
function countedFilter(f: TimelineFilter): boolean {
  return !f.account && !f.ip && !f.indicator;
}

/** The coarsest bucket table that still resolves the level, or null when the level needs the events. */
export function countedTableFor(level: BucketLevel, f: TimelineFilter): string | null {
  if (!countedFilter(f)) return null;
  const prefix = levelSpec(level).prefix;
  for (let i = COUNTED.length - 1; i >= 0; i--) if (COUNTED[i].prefix >= prefix) return COUNTED[i].table;
  return null;
}

export function bucketQuery(level: BucketLevel, f: TimelineFilter, range: TimeRange): SqlQuery {
  const prefix = levelSpec(level).prefix;
  const table = countedTableFor(level, f);
  if (table) {
    // Whole stored buckets from the one holding the view's start: a bar is the count of its whole span.
    const stored = COUNTED.find((c) => c.table === table)!.prefix;
    const typed = f.type ? ' AND type = ?' : '';
    return {
      sql: `SELECT substr(bucket, 1, ?) AS b, type, SUM(n) AS n FROM ${table} WHERE bucket >= ? AND bucket < ?${typed} GROUP BY b, type ORDER BY b`,
      params: [prefix, isoOf(range.start).slice(0, stored), isoOf(range.end), ...(f.type ? [f.type] : [])],
    };
  }
  const where = timelineWhere(f, range);
  return {
    sql: `SELECT substr(time_utc, 1, ?) AS bucket, type, COUNT(*) AS n FROM case_timeline ${where.sql} GROUP BY bucket, type ORDER BY bucket`,
    params: [prefix, ...where.params],
  };
}

/**
 * Events (of one type, or all) placed before an instant, from the bucket tables: whole days before its day,
 * whole hours of that day before its hour, whole minutes of that hour before its minute, and the events of
 * its minute before it. Five small lookups, whatever the size of the case.
 */
export function countedBeforeQuery(type: string, at: number): SqlQuery {
  const iso = isoOf(at);
  const typed = type ? ' AND type = ?' : '';
  const t = type ? [type] : [];
  const [minutes, hours, days] = COUNTED;
  return {
    sql:
      `(SELECT COALESCE(SUM(n), 0) FROM ${days.table} WHERE bucket < ?${typed}) + ` +
      `(SELECT COALESCE(SUM(n), 0) FROM ${hours.table} WHERE bucket > ? AND bucket < ?${typed}) + ` +
      `(SELECT COALESCE(SUM(n), 0) FROM ${minutes.table} WHERE bucket > ? AND bucket < ?${typed}) + ` +
      `(SELECT COUNT(*) FROM case_timeline WHERE time_utc >= ? AND time_utc < ?${typed})`,
    params: [
      iso.slice(0, 10), ...t,
      iso.slice(0, 10), iso.slice(0, 13), ...t,
      iso.slice(0, 13), iso.slice(0, 16), ...t,
      iso.slice(0, 16), iso, ...t,
    ],
  };
}

export function eventCountQuery(f: TimelineFilter, range: TimeRange): SqlQuery {
  const where = timelineWhere(f, range);
  return { sql: `SELECT COUNT(*) FROM case_timeline ${where.sql}`, params: where.params };
}

export function eventPageQuery(f: TimelineFilter, range: TimeRange, offset: number, limit: number): SqlQuery {
  const where = timelineWhere(f, range);
  return {
    sql:
      'SELECT time_utc, time_local, type, source, description, ref_message, ref_session, account, ip ' +
      `FROM case_timeline ${where.sql} ORDER BY time_utc, rowid LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

export interface TimelineEventRow {
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
  };
}

export const TIMELINE_SQL = {
  // Two sub-selects so each of MIN and MAX is answered from the time index, not a scan.
  extent: 'SELECT (SELECT MIN(time_utc) FROM case_timeline), (SELECT MAX(time_utc) FROM case_timeline)',
  types: 'SELECT type, COUNT(*) FROM case_timeline GROUP BY type ORDER BY type',
  indicators: 'SELECT DISTINCT type FROM case_findings ORDER BY type',
  serverZone: "SELECT value FROM case_meta WHERE key = 'server_zone'",
  placedCount: 'SELECT COUNT(*) FROM case_timeline WHERE time_utc IS NOT NULL',
  /** The n-th placed event in time order (answered from the time index). */
  nthTime: 'SELECT time_utc FROM case_timeline WHERE time_utc IS NOT NULL ORDER BY time_utc LIMIT 1 OFFSET ?',
  leftOutCount: 'SELECT COUNT(*) FROM case_timeline WHERE time_utc IS NULL',
  leftOut: 'SELECT time_local, type, source, time_note FROM case_timeline WHERE time_utc IS NULL ORDER BY type, source LIMIT ?',
} as const;
