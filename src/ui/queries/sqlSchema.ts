/**
 * The SQL console's schema browser: every table and view of the case database (hm_* from the evidence,
 * case_* from the analysis) with its columns, read with the console's own read-only query path.
 */
import type { CellValue } from '../components/tableColumn.ts';

export interface SchemaTable {
  name: string;
  kind: 'table' | 'view';
  columns: { name: string; type: string }[];
}

/**
 * Every schema but temp: during a run the case tables live in the attached `live` schema (liveCaseSchema.ts),
 * which sqlite_master (main's own catalogue) does not list.
 */
export const SCHEMA_SQL = `SELECT t.name, t.type, p.name, p.type FROM pragma_table_list t, pragma_table_info(t.name, t.schema) p
  WHERE t.schema <> 'temp' AND t.type IN ('table', 'view') AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name, p.cid`;

export function schemaTables(rows: CellValue[][]): SchemaTable[] {
  const tables = new Map<string, SchemaTable>();
  for (const [name, kind, column, type] of rows) {
    const key = String(name);
    let t = tables.get(key);
    if (!t) tables.set(key, (t = { name: key, kind: kind === 'view' ? 'view' : 'table', columns: [] }));
    t.columns.push({ name: String(column), type: String(type ?? '') });
  }
  return [...tables.values()];
}

/** A result cell that names a message file of the evidence: the console shows it as a link to the message. */
export function isMessagePath(value: CellValue): value is string {
  return typeof value === 'string' && value.length < 4096 && /\.(eml|hma)$/i.test(value) && !/[\r\n]/.test(value);
}
