/**
 * SQL of the Timeline tab over case_timeline. Histogram counts come from GROUP BY on a prefix of the ISO UTC
 * time (minute … year), or from the pre-counted bucket tables (timelineBuckets.ts), so the page receives
 * counts, never the events; and the framing: a finding's events ("Fit findings", highlighting), the events
 * before and after the visible span, and the dense part the view opens on.
 */
import { escapeLike } from '../../model/escapeLike.ts';
import { isoOf, levelSpec, type BucketLevel, type TimeRange } from '../../model/timelineLevel.ts';
import { taggedKeysQuery } from './annotationQueries.ts';
import type { SqlParam, SqlQuery } from './sqlQuery.ts';

export interface TimelineFilter {
  account: string;
  ip: string;
  type: string;
  /** A finding type: events of a message that carries it, or of an IP or account it names. */
  indicator: string;
  /** An examiner's tag: events of a tagged message, log session or account; '' for any. */
  tag: string;
}

/** Times left out listed at most (the count says how many there are). */
const LEFT_OUT_LISTED = 500;

function timelineWhere(f: TimelineFilter, range: TimeRange): SqlQuery {
  return filterWhere(f, ['time_utc >= ?', 'time_utc < ?'], [isoOf(range.start), isoOf(range.end)]);
}

/** The events of items that carry the tag: messages, log sessions and accounts are what an event points at. */
function taggedTerm(tag: string): SqlQuery {
  const messages = taggedKeysQuery('message', tag);
  const sessions = taggedKeysQuery('log-session', tag);
  const accounts = taggedKeysQuery('account', tag);
  return {
    sql: `(ref_message IN (${messages.sql}) OR ref_session IN (${sessions.sql}) OR lower(account) IN (SELECT lower(key) FROM (${accounts.sql})))`,
    params: [...messages.params, ...sessions.params, ...accounts.params],
  };
}

/** The filter's terms after the given ones (time bounds), as one WHERE clause. */
function filterWhere(f: TimelineFilter, terms: string[], params: SqlParam[]): SqlQuery {
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
  if (f.tag) {
    const tagged = taggedTerm(f.tag);
    terms.push(tagged.sql);
    params.push(...tagged.params);
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

/** Only the event type is in the bucket tables: an account, IP, finding or tag filter reads the events. */
function countedFilter(f: TimelineFilter): boolean {
  return !f.account && !f.ip && !f.indicator && !f.tag;
}

/** The coarsest bucket table that still resolves the level, or null when the level needs the events. */
export function countedTableFor(level: BucketLevel, f: TimelineFilter): string | null {
  if (!countedFilter(f)) return null;
  const prefix = levelSpec(level).prefix;
  for (let i = COUNTED.length - 1; i >= 0; i--) if (COUNTED[i].prefix >= prefix) return COUNTED[i].table;
  return null;
}

/** Events per bucket and type in the view, under the filter (a highlight is the filter with its finding type). */
export function timelineBucketsQuery(level: BucketLevel, f: TimelineFilter, range: TimeRange): SqlQuery {
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

export function timelineEventCountQuery(f: TimelineFilter, range: TimeRange): SqlQuery {
  const where = timelineWhere(f, range);
  return { sql: `SELECT COUNT(*) FROM case_timeline ${where.sql}`, params: where.params };
}

export function timelineEventPageQuery(f: TimelineFilter, range: TimeRange, offset: number, limit: number): SqlQuery {
  const where = timelineWhere(f, range);
  return {
    sql:
      'SELECT time_utc, time_local, type, source, description, ref_message, ref_session, account, ip, rowid ' +
      `FROM case_timeline ${where.sql} ORDER BY time_utc, rowid LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

/**
 * Events tied to any finding: of a message that carries one, or of an IP or account a finding names. Findings
 * about the server as a whole (settings) name no event.
 */
const ANY_FINDING =
  "(ref_message IN (SELECT path FROM case_messages WHERE indicators IS NOT NULL AND indicators <> '') " +
  'OR ip IN (SELECT ref_ip FROM case_findings WHERE ref_ip IS NOT NULL) ' +
  'OR lower(account) IN (SELECT lower(ref_account) FROM case_findings WHERE ref_account IS NOT NULL))';

/** First and last time of the events of one finding type, or of every finding when `type` is empty. */
export function findingExtentQuery(type: string): SqlQuery {
  const where = type
    ? filterWhere({ account: '', ip: '', type: '', indicator: type, tag: '' }, ['time_utc IS NOT NULL'], [])
    : { sql: `WHERE time_utc IS NOT NULL AND ${ANY_FINDING}`, params: [] };
  return { sql: `SELECT MIN(time_utc), MAX(time_utc) FROM case_timeline ${where.sql}`, params: where.params };
}

/**
 * Events (under the filter) before the view and at or after its end. Without an account, IP, finding or tag
 * filter they come from the bucket tables (every event is before the end or at or after it).
 */
export function outsideCountsQuery(f: TimelineFilter, view: TimeRange): SqlQuery {
  if (countedTableFor('day', f)) {
    const before = countedBeforeQuery(f.type, view.start);
    const beforeEnd = countedBeforeQuery(f.type, view.end);
    const total = f.type
      ? { sql: 'SELECT COALESCE(SUM(n), 0) FROM case_timeline_days WHERE type = ?', params: [f.type] }
      : { sql: 'SELECT COALESCE(SUM(n), 0) FROM case_timeline_days', params: [] };
    return {
      sql: `SELECT ${before.sql}, (${total.sql}) - (${beforeEnd.sql})`,
      params: [...before.params, ...total.params, ...beforeEnd.params],
    };
  }
  const before = filterWhere(f, ['time_utc < ?'], [isoOf(view.start)]);
  const after = filterWhere(f, ['time_utc >= ?'], [isoOf(view.end)]);
  return {
    sql: `SELECT (SELECT COUNT(*) FROM case_timeline ${before.sql}), (SELECT COUNT(*) FROM case_timeline ${after.sql})`,
    params: [...before.params, ...after.params],
  };
}

/** The n-th placed event's time in time order (answered from the time index). */
export const nthTimeQuery = (n: number): SqlQuery => ({
  sql: 'SELECT time_utc FROM case_timeline WHERE time_utc IS NOT NULL ORDER BY time_utc LIMIT 1 OFFSET ?',
  params: [n],
});

/** The first placed time at or after an instant. */
export const firstTimeFromQuery = (at: number): SqlQuery => ({ sql: 'SELECT MIN(time_utc) FROM case_timeline WHERE time_utc >= ?', params: [isoOf(at)] });

/** The last placed time at or before an instant. */
export const lastTimeUpToQuery = (at: number): SqlQuery => ({ sql: 'SELECT MAX(time_utc) FROM case_timeline WHERE time_utc <= ?', params: [isoOf(at)] });

export const TIMELINE_SQL = {
  // Two sub-selects so each of MIN and MAX is answered from the time index, not a scan.
  extent: 'SELECT (SELECT MIN(time_utc) FROM case_timeline), (SELECT MAX(time_utc) FROM case_timeline)',
  types: 'SELECT type, COUNT(*) FROM case_timeline GROUP BY type ORDER BY type',
  indicators: 'SELECT DISTINCT type FROM case_findings ORDER BY type',
  serverZone: "SELECT value FROM case_meta WHERE key = 'server_zone'",
  placedCount: 'SELECT COUNT(*) FROM case_timeline WHERE time_utc IS NOT NULL',
  leftOutCount: 'SELECT COUNT(*) FROM case_timeline WHERE time_utc IS NULL',
  leftOut: `SELECT time_local, type, source, time_note FROM case_timeline WHERE time_utc IS NULL ORDER BY type, source LIMIT ${LEFT_OUT_LISTED}`,
} as const;
