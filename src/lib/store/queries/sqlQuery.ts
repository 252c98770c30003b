/** A statement and its bound parameters, built in the caseDb worker from a named query (caseQueries.ts). */
export type SqlParam = string | number | null;

export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** A query with nothing to bind. */
export function fixedQuery(sql: string): () => SqlQuery {
  return () => ({ sql, params: [] });
}

/** No rows, with the columns a query of a table the database lacks would have had. */
export function noRows(columns: string[]): SqlQuery {
  return { sql: `select ${columns.map((c) => `NULL as ${c}`).join(', ')} where 0`, params: [] };
}
