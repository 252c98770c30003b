/** One value of the case_meta key/value table, read or written. */
import type { Database } from 'sql.js';

export function readCaseMeta(db: Database, key: string): string | null {
  const r = db.exec('SELECT value FROM case_meta WHERE key = ?', [key]);
  return (r[0]?.values[0]?.[0] as string | null | undefined) ?? null;
}

export function writeCaseMeta(db: Database, key: string, value: string): void {
  db.run('INSERT OR REPLACE INTO case_meta VALUES (?, ?)', [key, value]);
}
