/**
 * Brings a case file written by an earlier release to the current case schema, so a reopened case reads
 * like a new one: CREATE IF NOT EXISTS adds new tables but never new columns. Schema 1 kept every body
 * whole (body_text, now the preview) and one row per header (a case_headers table, still read as such);
 * columns added since stay NULL (an old case says nothing of the zone of its times, and the views say so).
 * Tables added since (saved searches, hash sets, annotations in schema 4) come from CASE_SCHEMA, run right
 * after this. Schema 4 stores tags normalised ("a, b"), so the tag filter and the tag manager can match them:
 * older bookmarks are rewritten. The file then says it is of the current schema, and which schema it was
 * written with.
 */
import type { Database } from 'sql.js';
import { formatTags, parseTags } from './annotations.ts';
import { CASE_SCHEMA_VERSION } from './caseSchema.ts';

/** Columns added to existing case tables, in the order they were added. */
const ADDED_COLUMNS: { table: string; column: string; type: string }[] = [
  { table: 'case_messages', column: 'headers_json', type: 'TEXT' },
  { table: 'case_timeline', column: 'time_zone', type: 'TEXT' },
  { table: 'case_timeline', column: 'time_note', type: 'TEXT' },
  { table: 'case_inventory', column: 'sha1', type: 'TEXT' },
  { table: 'case_attachments', column: 'md5', type: 'TEXT' },
  { table: 'case_attachments', column: 'sha1', type: 'TEXT' },
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
  const written = db.exec("SELECT value FROM case_meta WHERE key = 'schema_version'")[0]?.values[0]?.[0];
  if (written !== undefined && Number(written) < CASE_SCHEMA_VERSION) {
    db.run("INSERT OR IGNORE INTO case_meta VALUES ('migrated_from_schema', ?)", [String(written)]);
    db.run("UPDATE case_meta SET value = ? WHERE key = 'schema_version'", [String(CASE_SCHEMA_VERSION)]);
  }
}
