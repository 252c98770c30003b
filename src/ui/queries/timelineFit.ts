/**
 * SQL of the timeline's framing: the events a finding points at (for "Fit findings" and highlighting), and
 * how many events lie before and after the visible span (the arrows at the chart's edges).
 */
import { EMPTY_TIMELINE_FILTER, countedBeforeQuery, countedTableFor, filterWhere, isoOf, type TimeRange, type TimelineFilter } from './timeline.ts';
import type { SqlQuery } from '../../lib/store/queries/sqlQuery.ts';

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
  const where = type ? filterWhere({ ...EMPTY_TIMELINE_FILTER, indicator: type }, ['time_utc IS NOT NULL'], []) : { sql: `WHERE time_utc IS NOT NULL AND ${ANY_FINDING}`, params: [] };
  return { sql: `SELECT MIN(time_utc), MAX(time_utc) FROM case_timeline ${where.sql}`, params: where.params };
}

/**
 * Events (under the filter) before the view and at or after its end. Without an account, IP or finding
 * filter they come from the bucket tables (every event is before the end or at or after it).
 */
export function outsideCountsQuery(f: TimelineFilter, view: TimeRange): SqlQuery {
  if (countedTableFor('day', f)) {
    const before = countedBeforeQuery(f.type, view.start);
    const beforeEnd = countedBeforeQuery(f.type, view.end);
    const total = f.type ? { sql: 'SELECT COALESCE(SUM(n), 0) FROM case_timeline_days WHERE type = ?', params: [f.type] } : { sql: 'SELECT COALESCE(SUM(n), 0) FROM case_timeline_days', params: [] };
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
