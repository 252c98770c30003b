/**
 * Which hm_* tables and columns a case database has (hMailServer's schema changed across versions, and a dump
 * may hold only some tables). The page asks for it to show a missing table as missing; the store's queries
 * extend it to write their SQL for it (store/queries/hmColumns.ts).
 */
export class HmTables {
  constructor(private readonly tables: ReadonlyMap<string, ReadonlySet<string>>) {}

  /** From (table, column) rows, names in any case. */
  static fromRows<T extends HmTables>(this: new (tables: ReadonlyMap<string, ReadonlySet<string>>) => T, rows: (string | number | null)[][]): T {
    const tables = new Map<string, Set<string>>();
    for (const [tbl, col] of rows) {
      const name = String(tbl).toLowerCase();
      if (!tables.has(name)) tables.set(name, new Set());
      tables.get(name)!.add(String(col).toLowerCase());
    }
    return new this(tables);
  }

  static empty<T extends HmTables>(this: new (tables: ReadonlyMap<string, ReadonlySet<string>>) => T): T {
    return new this(new Map());
  }

  has(table: string, column?: string): boolean {
    const cols = this.tables.get(table);
    return !!cols && (column === undefined || cols.has(column));
  }

  get tableNames(): string[] {
    return [...this.tables.keys()].sort();
  }
}
