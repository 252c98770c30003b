/**
 * What a dropped SQLite file offers as the case database, without importing it: the row counts of its
 * hm_* tables (views are not counted: they are not run), or why it cannot be read. Feeds scoreHmailDatabase.
 */
import type { SqlJsStatic } from 'sql.js';
import type { DatabaseCandidate } from './scoreHmailDatabase.ts';
import { loadSqliteDatabase } from './loadSqliteDatabase.ts';

export function probeSqliteCandidate(SQL: SqlJsStatic, path: string, bytes: Uint8Array): DatabaseCandidate {
  let db;
  try {
    db = loadSqliteDatabase(SQL, bytes);
  } catch (err) {
    return { path, hmTables: {}, error: (err as Error).message };
  }
  try {
    const names = (db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'hm\\_%' ESCAPE '\\'")[0]?.values ?? []).map((v) => String(v[0]));
    const hmTables: Record<string, number> = {};
    for (const name of names) {
      try {
        hmTables[name.toLowerCase()] = Number(db.exec(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)[0]?.values[0]?.[0] ?? 0);
      } catch {
        hmTables[name.toLowerCase()] = 0;
      }
    }
    return { path, hmTables, error: null };
  } catch (err) {
    return { path, hmTables: {}, error: `SQLite database could not be read: ${(err as Error).message}` };
  } finally {
    db.close();
  }
}
