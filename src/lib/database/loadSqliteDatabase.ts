/**
 * Opens an evidence SQLite file. sql.js works on its own in-memory copy of the bytes, so nothing can be
 * written back to the evidence; callers close it when done.
 */
import type { Database, SqlJsStatic } from 'sql.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** @throws Error when the bytes are not an SQLite 3 database or its schema cannot be read. */
export function loadSqliteDatabase(SQL: SqlJsStatic, bytes: Uint8Array): Database {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_MAGIC.length));
  if (magic !== SQLITE_MAGIC) throw new Error('not an SQLite 3 database (the file header does not match)');
  const db = new SQL.Database(bytes);
  try {
    db.exec('SELECT name FROM sqlite_master LIMIT 1');
  } catch (err) {
    db.close();
    throw new Error(`SQLite database could not be read: ${(err as Error).message}`);
  }
  return db;
}
