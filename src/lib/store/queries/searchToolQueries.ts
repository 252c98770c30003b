/** The search tools' lists: saved searches, the messages a keyword list hit, and the loaded hash sets. */
import type { SqlQuery } from './sqlQuery.ts';

export const SAVED_SEARCHES_SQL = 'SELECT name, query FROM case_saved_searches ORDER BY name';

export const HASH_SETS_SQL = `SELECT s.name, s.verdict, s.format, s.hashes, (SELECT count(*) FROM case_hash_hits h WHERE h.set_name = s.name) AS hits
  FROM case_hash_sets s ORDER BY s.name`;

/** The messages most keyword terms hit, with the terms. */
export function keywordMessagesQuery(limit: number): SqlQuery {
  return {
    sql: `SELECT m.path, m.subject, group_concat(k.term, ' · ') AS terms FROM temp.keyword_hits k
  JOIN case_messages m ON m.id = k.id GROUP BY m.id ORDER BY count(*) DESC, m.path LIMIT ?`,
    params: [limit],
  };
}
