/**
 * Brings a case file written by an earlier release to the current case schema, so a reopened case reads
 * like a new one. Schema 1 kept every body whole (body_text) and one row per header (a case_headers table).
 */
import type { Database } from 'sql.js';

function columns(db: Database, table: string): Set<string> {
  const r = db.exec(`SELECT name FROM pragma_table_info('${table}')`);
  return new Set((r[0]?.values ?? []).map((v) => String(v[0])));
}

export function migrateCaseFile(db: Database): void {
  const messageColumns = columns(db, 'case_messages');
  if (messageColumns.size === 0) return;
  // The preview is what the current schema keeps: the beginning of the stored body.
  if (messageColumns.has('body_text') && !messageColumns.has('body_preview')) db.exec('ALTER TABLE case_messages RENAME COLUMN body_text TO body_preview');
  if (!messageColumns.has('headers_json')) db.exec('ALTER TABLE case_messages ADD COLUMN headers_json TEXT');
}
