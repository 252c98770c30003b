/**
 * The hm_* tables and columns of the case database, for writing SQL: the caseDb worker reads them for each
 * query of hMailServer's tables, which selects a column the database lacks as NULL instead of failing.
 */
import { HmTables } from '../../model/hmTables.ts';

export const HM_COLUMNS_SQL = `
select m.name as tbl, p.name as col
from sqlite_master m, pragma_table_info(m.name) p
where m.type = 'table' and m.name like 'hm\\_%' escape '\\'`;

export class HmColumns extends HmTables {
  /** `column` when the table has it, else `NULL as column`, so the result shape never changes. */
  col(table: string, column: string, alias: string = column): string {
    return this.has(table, column) ? (alias === column ? column : `${column} as ${alias}`) : `NULL as ${alias}`;
  }
}
