/**
 * Brings a case file written by an earlier release to the current case schema, so a reopened case reads
 * like a new one: CREATE IF NOT EXISTS adds new tables but never new columns. Schema 1 kept every body
 * whole (body_text, now the preview) and one row per header (a case_headers table, still read as such);
 * columns added since stay NULL (an old case says nothing of the zone of its times, and the views say so).
 * Schema 4 stores tags normalised ("a, b"), so the tag filter and the tag manager can match them: older
 * bookmarks are rewritten. The case then carries the current schema_version.
 */
import type { Database } from 'sql.js';
import { formatTags, parseTags } from './annotations.ts';
import { CASE_SCHEMA_VERSION } from './caseSchema.ts';

/** Columns added to existing case tables, in the order they were added. */
const ADDED_COLUMNS: { table: string; column: string; type: string }[] = [
  { table: 'case_messages', column: 'headers_json', type: 'TEXT' },
  { table: 'case_timeline', column: 'time_zone', type: 'TEXT' },
  { table: 'case_timeline', column: 'time_note', type: 'TEXT' },
];

function columns(db: Database, table: string): Set<string> {
  const r = db.exec(`SELECT name FROM pragma_table_info('${table}')`);
  return new Set((r[0]?.values ?? []).map((v) => String(v[0])));
}

export function migrateCaseFile(db: Database): void {
  const messages = columns(db, 'case_messages');
  if (messages.has('body_text') && !messages.has('body_preview')) db.exec('ALTER TABLE case_messages RENAME COLUMN body_text TO body_preview');
  for (const { table, column, type } of ADDED_COLUMNS) {
    const present = columns(db, table);
    if (present.size > 0 && !present.has(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  if (columns(db, 'case_bookmarks').has('tags')) {
    for (const [path, tags] of db.exec('SELECT path, tags FROM case_bookmarks')[0]?.values ?? []) {
      const normal = formatTags(parseTags(tags === null ? '' : String(tags)));
      if (normal !== (tags ?? '')) db.run('UPDATE case_bookmarks SET tags = ? WHERE path = ?', [normal, path]);
    }
  }
  if (columns(db, 'case_meta').size > 0) db.run("INSERT OR REPLACE INTO case_meta VALUES ('schema_version', ?)", [String(CASE_SCHEMA_VERSION)]);
}
