/**
 * The value of CAST(… AS type) or CONVERT(type, …): SQL Server scripts write dates as binary and decimals as
 * strings this way. Any other cast keeps its value as written.
 */
import type { SqlCell } from './sqlCell.ts';
import { sqlServerDateTime } from './sqlServerDateTime.ts';

export function sqlCast(value: SqlCell, type: string): SqlCell {
  if (value instanceof Uint8Array && (type === 'datetime' || type === 'smalldatetime')) {
    return sqlServerDateTime(value, type) ?? value;
  }
  if (typeof value === 'string' && /^(decimal|numeric|money|smallmoney|float|real)$/.test(type)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}
