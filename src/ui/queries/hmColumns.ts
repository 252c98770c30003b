/**
 * Which hm_* tables and columns this case database has. hMailServer's schema changed across versions and
 * a dump may hold only some tables, so view queries select a missing column as NULL instead of failing.
 */
import type { TriageClient } from '../triageClient.ts';

const HM_COLUMNS_SQL = `
select m.name as tbl, p.name as col
from sqlite_master m, pragma_table_info(m.name) p
where m.type = 'table' and m.name like 'hm\\_%' escape '\\'`;

export class HmColumns {
  constructor(private readonly tables: Map<string, Set<string>>) {}

  static empty(): HmColumns {
    return new HmColumns(new Map());
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

export async function loadHmColumns(client: TriageClient): Promise<HmColumns> {
  const result = await client.query(HM_COLUMNS_SQL);
  const tables = new Map<string, Set<string>>();
  for (const [tbl, col] of result.rows) {
    const name = String(tbl).toLowerCase();
    if (!tables.has(name)) tables.set(name, new Set());
    tables.get(name)!.add(String(col).toLowerCase());
  }
  return new HmColumns(tables);
}
