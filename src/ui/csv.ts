/** CSV (RFC 4180, CRLF) of table rows, so every table view exports what it shows. */
import type { CellValue, Column } from './components/tableColumn.ts';

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CellValue[]): string {
  return values.map(csvField).join(',');
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [csvLine(columns.map((c) => c.label))];
  for (const row of rows) lines.push(csvLine(columns.map((c) => c.value(row))));
  return lines.join('\r\n') + '\r\n';
}

/** CSV of a raw query result (the SQL console). */
export function queryCsv(columns: string[], rows: CellValue[][]): string {
  return [csvLine(columns), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
