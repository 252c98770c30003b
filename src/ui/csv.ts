/** CSV of table rows, so every table view exports what it shows; cells go through the shared guarded writer. */
import { csvRecord } from '../lib/report/formatCsv.ts';
import type { CellValue, Column } from './components/tableColumn.ts';

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  return csvRecord(columns.map((c) => c.label)) + rows.map((row) => csvRecord(columns.map((c) => c.value(row)))).join('');
}

/** CSV of a raw query result (the SQL console). */
export function queryCsv(columns: string[], rows: CellValue[][]): string {
  return csvRecord(columns) + rows.map(csvRecord).join('');
}
