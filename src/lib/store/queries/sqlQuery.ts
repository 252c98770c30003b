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
