/** A row of the case-wide IOC table as the page shows it (the SQL is src/lib/store/queries/messageIocQueries.ts). */
import type { IocFilter, IocSortKey } from '../../lib/store/queries/messageIocQueries.ts';
import type { SqlParam } from '../../lib/store/queries/sqlQuery.ts';

export const EMPTY_IOC_FILTER: IocFilter = { kind: '', search: '' };

const IOC_SORT_KEYS: readonly string[] = ['kind', 'value', 'count'] satisfies IocSortKey[];

export function isIocSortKey(key: string): key is IocSortKey {
  return IOC_SORT_KEYS.includes(key);
}

export interface IocRow {
  kind: string;
  value: string;
  count: number;
  messages: string[];
}

export function toIocRow(r: SqlParam[]): IocRow {
  return {
    kind: String(r[0] ?? ''),
    value: String(r[1] ?? ''),
    count: Number(r[2] ?? 0),
    messages: r[3] ? String(r[3]).split('\n').filter(Boolean) : [],
  };
}
