/**
 * Which messages "Export messages (zip)" takes: the bookmarked ones, or when nothing is bookmarked the
 * messages the Messages tab lists under its current filter.
 */
import type { TriageClient } from '../triageClient.ts';
import { messageCountQuery, messageWhere, prepareSearch, type MessageFilter } from './messages.ts';
import { queryScalar } from './queryRows.ts';

export interface MessagesToExport {
  source: 'bookmarked' | 'listed';
  count: number;
  /** In list order; null when count is over the limit asked for (nothing is read then). */
  paths: string[] | null;
}

const BOOKMARKED_COUNT_SQL = 'SELECT COUNT(*) FROM case_bookmarks';
const BOOKMARKED_SQL = 'SELECT path FROM case_bookmarks ORDER BY path';

export async function messagesToExport(client: TriageClient, filter: MessageFilter, max: number): Promise<MessagesToExport> {
  const paths = async (sql: string, params: (string | number | null)[] = []) => (await client.query(sql, params)).rows.map((r) => String(r[0]));
  const bookmarked = Number(queryScalar(await client.query(BOOKMARKED_COUNT_SQL)) ?? 0);
  if (bookmarked > 0) return { source: 'bookmarked', count: bookmarked, paths: bookmarked > max ? null : await paths(BOOKMARKED_SQL) };
  await prepareSearch(client, filter);
  const count = messageCountQuery(filter);
  const listed = Number(queryScalar(await client.query(count.sql, count.params)) ?? 0);
  const where = messageWhere(filter);
  if (listed > max) return { source: 'listed', count: listed, paths: null };
  return { source: 'listed', count: listed, paths: await paths(`SELECT m.path FROM case_messages m ${where.sql} ORDER BY m.date_utc, m.id`, where.params) };
}
