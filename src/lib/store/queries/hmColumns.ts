/**
 * Which hm_* tables and columns this case database has. hMailServer's schema changed across versions and
 * a dump may hold only some tables, so the named queries select a missing column as NULL instead of failing.
 * The caseDb worker reads it from the database for each query that needs it; the page gets the same list
 * (the `hmColumns` query) to tell which tables a view can show, never to write SQL.
 */
import type { SqlParam } from './sqlQuery.ts';

export const HM_COLUMNS_SQL = `
select m.name as tbl, p.name as col
from sqlite_master m, pragma_table_info(m.name) p
where m.type = 'table' and m.name like 'hm\\_%' escape '\\'`;

export class HmColumns {
  constructor(private readonly tables: Map<string, Set<string>>) {}

  static empty(): HmColumns {
    return new HmColumns(new Map());
  }

  /** The answer of HM_COLUMNS_SQL: (table, column) rows. */
  static fromRows(rows: SqlParam[][]): HmColumns {
    const tables = new Map<string, Set<string>>();
    for (const [tbl, col] of rows) {
      const name = String(tbl).toLowerCase();
      if (!tables.has(name)) tables.set(name, new Set());
      tables.get(name)!.add(String(col).toLowerCase());
    }
    return new HmColumns(tables);
  }

  has(table: string, column?: string): boolean {
    const cols = this.tables.get(table);
    return !!cols && (column === undefined || cols.has(column));
  }

  /** `column` when the table has it, else `NULL as column`, so the result shape never changes. */
  col(table: string, column: string, alias: string = column): string {
    return this.has(table, column) ? (alias === column ? column : `${column} as ${alias}`) : `NULL as ${alias}`;
  }

  get tableNames(): string[] {
    return [...this.tables.keys()].sort();
  }
}
