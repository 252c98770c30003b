/** Query results as records keyed by column name, so views read `row.accountaddress`, not `row[3]`. */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import type { CellValue } from '../components/tableColumn.ts';

export type QueryRecord = Record<string, CellValue>;

export function queryRows(result: QueryResult): QueryRecord[] {
  return result.rows.map((row) => {
    const record: QueryRecord = {};
    result.columns.forEach((column, i) => (record[column] = row[i] ?? null));
    return record;
  });
}

/** The first cell of the first row, or null. */
export function queryScalar(result: QueryResult): CellValue {
  return result.rows[0]?.[0] ?? null;
}

export function asNumber(value: CellValue): number | null {
  if (value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function asText(value: CellValue): string {
  return value === null ? '' : String(value);
}

/** hMailServer flags arrive as 1/0 from SQLite and as '1'/'0' or 't'/'f' from text dumps. */
export function asFlag(value: CellValue): boolean {
  return value === 1 || value === '1' || value === 't' || value === 'true';
}
