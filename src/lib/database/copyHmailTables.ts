/**
 * Brings the hm_* tables of an evidence SQLite database (an exported .sdf, a converted MySQL database…)
 * into the case database's canonical tables. Extra columns, missing 5601 columns and unreadable tables are
 * reported, never fatal.
 */
import type { Database, SqlValue } from 'sql.js';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import { HMAIL_TABLE_BY_NAME } from './hmailSchema.ts';
import { HmailRowWriter } from './hmailRowWriter.ts';

/** Rows handed to the writer at a time: bounds memory for tables of millions of rows. */
const ROWS_PER_BATCH = 5_000;

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function copyHmailTables(from: Database, to: Database): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const writer = new HmailRowWriter(to, problems);
  try {
    const names = (from.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0]?.values ?? []).map((v) => String(v[0]));
    // A view is a query of its own (possibly a recursive one that never ends): it is named, never run.
    const views = (from.exec("SELECT name FROM sqlite_master WHERE type = 'view' AND lower(name) LIKE 'hm\\_%' ESCAPE '\\' ORDER BY name")[0]?.values ?? []).map((v) => String(v[0]));
    for (const view of views) {
      writer.problem(0, `SELECT sql FROM sqlite_master WHERE name = '${view}'`, `${view} is a view, not a table: not read (a view runs a query of its own, which can be made to never end); its rows are missing from the case`);
    }
    const hmTables = names.filter((n) => n.toLowerCase().startsWith('hm_'));
    if (hmTables.length === 0) {
      const shown = names.slice(0, 8).join(', ');
      const tables = names.length === 0 ? 'no tables at all' : `tables ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ''}`;
      writer.problem(0, 'SELECT name FROM sqlite_master', `not an hMailServer database: it has no hm_* tables (${tables}); nothing was loaded from it`);
    }
    for (const name of names) {
      const table = name.toLowerCase();
      if (!table.startsWith('hm_')) continue;
      try {
        copyTable(from, name, table, writer);
      } catch (err) {
        writer.problem(0, `SELECT * FROM ${name}`, `table ${name} could not be read: ${(err as Error).message}`);
      }
    }
  } finally {
    writer.finish();
  }
  return problems;
}

function copyTable(from: Database, name: string, table: string, writer: HmailRowWriter): void {
  const columns = (from.exec(`PRAGMA table_info(${quoteName(name)})`)[0]?.values ?? []).map((v) => String(v[1]));
  const lower = columns.map((c) => c.toLowerCase());
  const canonical = HMAIL_TABLE_BY_NAME.get(table);
  if (canonical) {
    const missing = canonical.columns.filter((c) => !c.later && !lower.includes(c.name)).map((c) => c.name);
    if (missing.length > 0) writer.problem(0, `PRAGMA table_info(${name})`, `table ${name} lacks column(s) ${missing.join(', ')} of schema 5601: left empty`);
  }
  // Integers are read as text so 64-bit values (IPv6 halves) keep every digit through JavaScript.
  const select = columns.map((c) => `CASE WHEN typeof(${quoteName(c)}) = 'integer' THEN CAST(${quoteName(c)} AS TEXT) ELSE ${quoteName(c)} END`);
  const stmt = from.prepare(`SELECT ${select.join(', ')} FROM ${quoteName(name)}`);
  try {
    let batch: SqlValue[][] = [];
    while (stmt.step()) {
      batch.push(stmt.get());
      if (batch.length >= ROWS_PER_BATCH) {
        writer.insertRows(table, lower, batch, 0, `SELECT * FROM ${name}`);
        batch = [];
      }
    }
    writer.insertRows(table, lower, batch, 0, `SELECT * FROM ${name}`);
  } finally {
    stmt.free();
  }
}
