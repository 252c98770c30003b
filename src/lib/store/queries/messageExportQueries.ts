/**
 * Which messages "Export messages (zip)" takes (src/ui/queries/messagesToExport.ts): the bookmarked ones,
 * or the messages listed under the Messages tab's filter. Counts keep database rows without a file apart.
 */
import { messageWhere, type MessageFilter } from './messageQueries.ts';
import type { SqlQuery } from './sqlQuery.ts';

const HAS_FILE = "m.location IS NOT 'database-only'";
const BOOKMARKED = 'm.path IN (SELECT path FROM case_bookmarks)';

/** Messages with a file, then database rows without one. */
function exportCounts(where: SqlQuery): SqlQuery {
  return {
    sql: `SELECT COUNT(*) - COALESCE(SUM(m.location = 'database-only'), 0), COALESCE(SUM(m.location = 'database-only'), 0) FROM case_messages m ${where.sql}`,
    params: where.params,
  };
}

export function bookmarkedExportCountsQuery(): SqlQuery {
  return exportCounts({ sql: `WHERE ${BOOKMARKED}`, params: [] });
}

export function bookmarkedExportPathsQuery(): SqlQuery {
  return { sql: `SELECT m.path FROM case_messages m WHERE ${BOOKMARKED} AND ${HAS_FILE} ORDER BY m.path`, params: [] };
}

export function listedExportCountsQuery(f: MessageFilter): SqlQuery {
  return exportCounts(messageWhere(f));
}

/** In list order, as the Messages tab shows them. */
export function listedExportPathsQuery(f: MessageFilter): SqlQuery {
  const where = messageWhere(f);
  const filtered = where.sql ? `${where.sql} AND ${HAS_FILE}` : `WHERE ${HAS_FILE}`;
  return { sql: `SELECT m.path FROM case_messages m ${filtered} ORDER BY m.date_utc, m.id`, params: where.params };
}

/** Of the selected messages, those with a file, in date order ("Export selected" as a zip). */
export function selectedWithFileQuery(paths: string[]): SqlQuery {
  return {
    sql: `SELECT path FROM case_messages WHERE path IN (SELECT value FROM json_each(?))
  AND location IS NOT 'database-only' ORDER BY date_utc, id`,
    params: [JSON.stringify(paths)],
  };
}
