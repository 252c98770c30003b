/**
 * Opens an evidence SQLite file. sql.js works on its own in-memory copy of the bytes, so nothing can be
 * written back to the evidence; callers close it when done.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { isSqliteHeader } from '../ingest/isSqliteHeader.ts';

/**
 * The SQLite reader's size budget: sql.js copies the file into its WASM heap (4 GiB at most), which the
 * case database being built shares. hMailServer databases of a few hundred MB are common; beyond this the
 * file is refused with the budget named instead of exhausting the heap mid-run.
 */
export const MAX_SQLITE_BYTES = 1024 * 1024 * 1024;

/** Why a file of this size is not opened, or null when it is within the budget. */
export function sqliteSizeProblem(size: number): string | null {
  return size > MAX_SQLITE_BYTES ? `SQLite file of ${size} bytes is above the SQLite reader's budget of ${MAX_SQLITE_BYTES} bytes: not opened` : null;
}

/** @throws Error when the bytes are not an SQLite 3 database or its schema cannot be read. */
export function loadSqliteDatabase(SQL: SqlJsStatic, bytes: Uint8Array): Database {
  const tooBig = sqliteSizeProblem(bytes.length);
  if (tooBig) throw new Error(tooBig);
  if (!isSqliteHeader(bytes)) throw new Error('not an SQLite 3 database (the file header does not match)');
  const db = new SQL.Database(bytes);
  try {
    db.exec('SELECT name FROM sqlite_master LIMIT 1');
  } catch (err) {
    db.close();
    throw new Error(`SQLite database could not be read: ${(err as Error).message}`);
  }
  return db;
}
