/**
 * SQL of the Logs tab: sessions (case_log_sessions) with their filters, the IPs with most failed
 * logons (case_log_events), and the lines that did not parse (case_log_unparsed).
 */
import { escapeLike } from '../../model/escapeLike.ts';
import { taggedKeysQuery } from './annotationQueries.ts';
import type { SqlParam, SqlQuery } from './sqlQuery.ts';

export type LogResult = '' | 'ok' | 'failed' | 'none';

export interface LogSessionFilter {
  /** One address, or a prefix when it ends with '.', ':' or '*' ("10.0." finds 10.0.0.0/16). */
  ip: string;
  /** Part of the AUTH user name. */
  account: string;
  protocol: string;
  result: LogResult;
  /** A tag the examiner put on the session (case_annotations, kind 'log-session'); '' for any. */
  tag: string;
}

/** Top failure sources listed; the brute-force findings carry the complete picture. */
const TOP_IP_LIMIT = 25;
/** Unparsed lines shown as samples: enough to see what kind of line the parser missed. */
const UNPARSED_SAMPLE_LIMIT = 50;

function logSessionWhere(f: LogSessionFilter): SqlQuery {
  const terms: string[] = [];
  const params: SqlParam[] = [];
  const ip = f.ip.trim();
  if (ip && /[.:*]$/.test(ip)) {
    terms.push("ip LIKE ? ESCAPE '\\'");
    params.push(`${escapeLike(ip.replace(/\*$/, ''))}%`);
  } else if (ip) {
    terms.push('ip = ?');
    params.push(ip);
  }
  if (f.account.trim()) {
    terms.push("auth_user LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(f.account.trim())}%`);
  }
  if (f.protocol) {
    terms.push('protocol = ?');
    params.push(f.protocol);
  }
  if (f.result === 'none') terms.push('auth_result IS NULL');
  else if (f.result) {
    terms.push('auth_result = ?');
    params.push(f.result);
  }
  if (f.tag) {
    const tagged = taggedKeysQuery('log-session', f.tag);
    terms.push(`key IN (${tagged.sql})`);
    params.push(...tagged.params);
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

const SESSION_COLUMNS =
  'key, file, protocol, session, ip, start_local, end_local, helo, auth_user, auth_result, mail_from, rcpt_to, ' +
  'responses, bytes, line_count, first_line, last_line';

export function logSessionCountQuery(f: LogSessionFilter): SqlQuery {
  const where = logSessionWhere(f);
  return { sql: `SELECT COUNT(*) FROM case_log_sessions ${where.sql}`, params: where.params };
}

export function logSessionPageQuery(f: LogSessionFilter, offset: number, limit: number): SqlQuery {
  const where = logSessionWhere(f);
  return {
    sql: `SELECT ${SESSION_COLUMNS} FROM case_log_sessions ${where.sql} ORDER BY start_local, key LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

export const logSessionQuery = (key: string): SqlQuery => ({ sql: `SELECT ${SESSION_COLUMNS} FROM case_log_sessions WHERE key = ?`, params: [key] });

export const LOG_PROTOCOLS_SQL = 'SELECT DISTINCT protocol FROM case_log_sessions WHERE protocol IS NOT NULL ORDER BY protocol';

export const TOP_FAILURE_IPS_SQL =
  "SELECT ip, SUM(kind = 'logon-failed') AS failures, SUM(kind = 'logon-ok') AS successes, " +
  "COUNT(DISTINCT CASE WHEN kind = 'logon-failed' THEN lower(account) END) AS accounts, " +
  'MIN(time_utc) AS first_utc, MAX(time_utc) AS last_utc FROM case_log_events ' +
  "WHERE kind IN ('logon-failed', 'logon-ok') AND ip IS NOT NULL GROUP BY ip HAVING failures > 0 " +
  `ORDER BY failures DESC, ip LIMIT ${TOP_IP_LIMIT}`;

export const UNPARSED_COUNT_SQL = 'SELECT COUNT(*) FROM case_log_unparsed';

export const UNPARSED_SAMPLES_SQL = `SELECT file, line_no, reason, text FROM case_log_unparsed ORDER BY file, line_no LIMIT ${UNPARSED_SAMPLE_LIMIT}`;
