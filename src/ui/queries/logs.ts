/** The Logs tab's rows as the named log queries (src/lib/store/queries/logQueries.ts) return them. */
import type { LogSessionFilter } from '../../lib/store/queries/logQueries.ts';
import type { SqlParam } from '../../lib/store/queries/sqlQuery.ts';

export type { LogResult, LogSessionFilter } from '../../lib/store/queries/logQueries.ts';

export const EMPTY_LOG_FILTER: LogSessionFilter = { ip: '', account: '', protocol: '', result: '', tag: '' };

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
