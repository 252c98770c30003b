/** Runs `work` in one transaction of the case database: all of its writes land, or none (the error is rethrown). */
import type { Database } from 'sql.js';

export function inTransaction(db: Database, work: () => void): void {
  db.exec('BEGIN');
  try {
    work();
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
