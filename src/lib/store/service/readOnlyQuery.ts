/**
 * The one way reads reach the case database, for the SQL console's statement and the views' named queries: a
 * single statement, run with PRAGMA query_only so no write can reach it.
 */
import type { Database, SqlValue } from 'sql.js';
import type { QueryResult } from '../../model/analysisResult.ts';
import { readOnlyStatementProblem } from '../readOnlyStatement.ts';
import type { SqlParam } from '../queries/sqlQuery.ts';

/** The SQL console returns at most this many rows, so one careless SELECT cannot freeze the page. */
export const QUERY_ROW_LIMIT = 10_000;

export function readOnlyQuery(db: Database, sql: string, params: SqlParam[] = []): QueryResult {
  let statements = 0;
  for (const stmt of db.iterateStatements(sql)) {
    statements++;
    stmt.free();
  }
  if (statements !== 1) throw new Error(`Exactly one SQL statement is allowed (found ${statements}).`);
  const problem = readOnlyStatementProblem(sql);
  if (problem) throw new Error(`Refused: the case database is read-only here (${problem}).`);
  db.exec('PRAGMA query_only = ON');
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params as SqlValue[]);
    const rows: (string | number | null)[][] = [];
    let truncated = false;
    while (stmt.step()) {
      if (rows.length >= QUERY_ROW_LIMIT) {
        truncated = true;
        break;
      }
      rows.push(stmt.get().map((v) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v)));
    }
    return { columns: stmt.getColumnNames(), rows, ...(truncated ? { truncated } : {}) };
  } catch (err) {
    const message = (err as Error).message;
    throw new Error(/readonly|query_only/i.test(message) ? `Refused: the case database is read-only here (${message}).` : message);
  } finally {
    stmt.free();
    db.exec('PRAGMA query_only = OFF');
  }
}
