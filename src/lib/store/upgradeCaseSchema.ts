/**
 * Brings a reopened case file written by an older version up to CASE_SCHEMA: CREATE IF NOT EXISTS adds new
 * tables but never new columns, so the columns added since are added here (their values stay NULL: an old
 * case says nothing of the zone of its times, and the views say so).
 */
import type { Database } from 'sql.js';
import { selectRows } from './selectRows.ts';

/** Columns added to existing case tables, in the order they were added. */
const ADDED_COLUMNS: { table: string; column: string; type: string }[] = [
  { table: 'case_timeline', column: 'time_zone', type: 'TEXT' },
  { table: 'case_timeline', column: 'time_note', type: 'TEXT' },
];

export function upgradeCaseSchema(db: Database): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const present = selectRows(db, 'SELECT name FROM pragma_table_info(?)', [table]).some((r) => r.name === column);
    if (!present) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
