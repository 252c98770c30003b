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

/**
 * A flag as the case database holds it: 1 on, 0 or NULL off (hMailServer reads NULL as off). The import
 * (hmailRowWriter) already turned every source's spelling ('1', 't', 'true') of an integer column into 1,
 * and SQL truth values (exists, comparisons) are 1 or 0, so nothing is re-read here.
 */
export function isOn(value: CellValue): boolean {
  return value === 1;
}
