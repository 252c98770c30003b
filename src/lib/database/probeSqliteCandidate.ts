/**
 * What a dropped SQLite file offers as the case database, without importing it: the row counts of its
 * hm_* tables (views are not counted: they are not run), or why it cannot be read. Feeds scoreHmailDatabase.
 */
import type { SqlJsStatic } from 'sql.js';
import type { DatabaseCandidate } from './scoreHmailDatabase.ts';
import { hmailTableRowCounts } from './hmailTableRowCounts.ts';
import { loadSqliteDatabase } from './loadSqliteDatabase.ts';

export function probeSqliteCandidate(SQL: SqlJsStatic, path: string, bytes: Uint8Array): DatabaseCandidate {
  let db;
  try {
    db = loadSqliteDatabase(SQL, bytes);
  } catch (err) {
    return { path, hmTables: {}, error: (err as Error).message };
  }
  try {
    return { path, hmTables: hmailTableRowCounts(db), error: null };
  } catch (err) {
    return { path, hmTables: {}, error: `SQLite database could not be read: ${(err as Error).message}` };
  } finally {
    db.close();
  }
}
