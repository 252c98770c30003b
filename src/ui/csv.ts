/** CSV of table rows, so every table view exports what it shows; cells go through the shared guarded writer. */
import { csvLine } from '../lib/report/formatCsv.ts';
import type { CellValue, Column } from './components/tableColumn.ts';

export { csvLine };

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [csvLine(columns.map((c) => c.label))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => c.value(row))));
  return lines.join('\r\n') + '\r\n';
}

/** CSV of a raw query result (the SQL console). */
export function queryCsv(columns: string[], rows: CellValue[][]): string {
  return [csvLine(columns), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
