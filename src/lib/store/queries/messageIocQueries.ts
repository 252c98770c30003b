/** SQL of the case-wide IOC table (case_iocs: kind, value, count, newline-separated message paths). */
import { escapeLike } from '../../model/escapeLike.ts';
import type { SortDir } from './messageQueries.ts';
import type { SqlParam, SqlQuery } from './sqlQuery.ts';

export interface IocFilter {
  kind: string;
  search: string;
}

const IOC_SORT_COLUMNS = { kind: 'kind', value: 'value', count: 'count' } as const;
export type IocSortKey = keyof typeof IOC_SORT_COLUMNS;

function iocWhere(f: IocFilter): SqlQuery {
  const terms: string[] = [];
  const params: SqlParam[] = [];
  if (f.kind) {
    terms.push('kind = ?');
    params.push(f.kind);
  }
  if (f.search.trim()) {
    terms.push("value LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(f.search.trim())}%`);
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

export function iocCountQuery(f: IocFilter): SqlQuery {
  const where = iocWhere(f);
  return { sql: `SELECT COUNT(*) FROM case_iocs ${where.sql}`, params: where.params };
}

export function iocPageQuery(f: IocFilter, sort: IocSortKey, dir: SortDir, offset: number, limit: number): SqlQuery {
  const where = iocWhere(f);
  const column = IOC_SORT_COLUMNS[sort] ?? IOC_SORT_COLUMNS.count;
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  return {
    sql: `SELECT kind, value, count, messages FROM case_iocs ${where.sql} ORDER BY ${column} ${direction}, kind, value LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

export const IOC_KINDS_SQL = 'SELECT kind, COUNT(*) FROM case_iocs GROUP BY kind ORDER BY kind';
