/**
 * SQL of the Logs tab: sessions (case_log_sessions) with their filters, the IPs with most failed
 * logons (case_log_events), and the lines that did not parse (case_log_unparsed).
 */
import type { SqlParam, SqlQuery } from '../../lib/store/queries/sqlQuery.ts';
import { escapeLike } from './messages.ts';

export type LogResult = '' | 'ok' | 'failed' | 'none';

export interface LogSessionFilter {
  /** One address, or a prefix when it ends with '.', ':' or '*' ("10.0." finds 10.0.0.0/16). */
  ip: string;
  /** Part of the AUTH user name. */
  account: string;
  protocol: string;
  result: LogResult;
}

export const EMPTY_LOG_FILTER: LogSessionFilter = { ip: '', account: '', protocol: '', result: '' };

/** Top failure sources listed; the brute-force findings carry the complete picture. */
export const TOP_IP_LIMIT = 25;
/** Unparsed lines shown as samples: enough to see what kind of line the parser missed. */
export const UNPARSED_SAMPLE_LIMIT = 50;

export function logSessionWhere(f: LogSessionFilter): SqlQuery {
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

export interface LogSessionRow {
  key: string;
  file: string;
  protocol: string;
  session: number | null;
  ip: string | null;
  start: string | null;
  end: string | null;
  helo: string | null;
  authUser: string | null;
  authResult: string | null;
  mailFrom: string | null;
  rcptTo: string | null;
  responses: string | null;
  bytes: number | null;
  lineCount: number | null;
  firstLine: number;
  lastLine: number;
}

export function toLogSessionRow(r: SqlParam[]): LogSessionRow {
  const str = (v: SqlParam | undefined) => (v === null || v === undefined ? null : String(v));
  const num = (v: SqlParam | undefined) => (v === null || v === undefined || v === '' ? null : Number(v));
  return {
    key: String(r[0]),
    file: String(r[1] ?? ''),
    protocol: String(r[2] ?? ''),
    session: num(r[3]),
    ip: str(r[4]),
    start: str(r[5]),
    end: str(r[6]),
    helo: str(r[7]),
    authUser: str(r[8]),
    authResult: str(r[9]),
    mailFrom: str(r[10]),
    rcptTo: str(r[11]),
    responses: str(r[12]),
    bytes: num(r[13]),
    lineCount: num(r[14]),
    firstLine: num(r[15]) ?? 1,
    lastLine: num(r[16]) ?? 1,
  };
}

export const LOG_SQL = {
  session: `SELECT ${SESSION_COLUMNS} FROM case_log_sessions WHERE key = ?`,
  protocols: 'SELECT DISTINCT protocol FROM case_log_sessions WHERE protocol IS NOT NULL ORDER BY protocol',
  topFailureIps:
    "SELECT ip, SUM(kind = 'logon-failed') AS failures, SUM(kind = 'logon-ok') AS successes, " +
    "COUNT(DISTINCT CASE WHEN kind = 'logon-failed' THEN lower(account) END) AS accounts, " +
    'MIN(time_utc) AS first_utc, MAX(time_utc) AS last_utc FROM case_log_events ' +
    "WHERE kind IN ('logon-failed', 'logon-ok') AND ip IS NOT NULL GROUP BY ip HAVING failures > 0 " +
    `ORDER BY failures DESC, ip LIMIT ${TOP_IP_LIMIT}`,
  unparsedCount: 'SELECT COUNT(*) FROM case_log_unparsed',
  unparsedSamples: `SELECT file, line_no, reason, text FROM case_log_unparsed ORDER BY file, line_no LIMIT ${UNPARSED_SAMPLE_LIMIT}`,
} as const;
