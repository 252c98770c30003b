/**
 * Which messages "Export messages (zip)" takes: the bookmarked ones, or when nothing is bookmarked the
 * messages the Messages tab lists under its current filter. Database rows without a file are counted
 * apart: they have no bytes to put in the zip, so they are named in the note instead of failing the export.
 */
import type { TriageClient } from '../triageClient.ts';
import { messageWhere, prepareSearch, type MessageFilter } from './messages.ts';

export interface MessagesToExport {
  source: 'bookmarked' | 'listed';
  /** Messages with a file: what goes into the zip. */
  count: number;
  /** Selected database rows whose file is missing (location 'database-only'): not in the zip. */
  withoutFile: number;
  /** In list order; null when count is over the limit asked for (nothing is read then). */
  paths: string[] | null;
}

const HAS_FILE = "m.location IS NOT 'database-only'";
const BOOKMARKED = 'm.path IN (SELECT path FROM case_bookmarks)';

export async function messagesToExport(client: TriageClient, filter: MessageFilter, max: number): Promise<MessagesToExport> {
  const rows = async (sql: string, params: (string | number | null)[] = []) => (await client.query(sql, params)).rows;
  const counts = async (where: string, params: (string | number | null)[]) => {
    const [r] = await rows(`SELECT COUNT(*) - COALESCE(SUM(m.location = 'database-only'), 0), COALESCE(SUM(m.location = 'database-only'), 0) FROM case_messages m ${where}`, params);
    return { count: Number(r?.[0] ?? 0), withoutFile: Number(r?.[1] ?? 0) };
  };
  const bookmarked = await counts(`WHERE ${BOOKMARKED}`, []);
  if (bookmarked.count + bookmarked.withoutFile > 0) {
    const paths = bookmarked.count > max ? null : (await rows(`SELECT m.path FROM case_messages m WHERE ${BOOKMARKED} AND ${HAS_FILE} ORDER BY m.path`)).map((r) => String(r[0]));
    return { source: 'bookmarked', ...bookmarked, paths };
  }
  await prepareSearch(client, filter);
  const where = messageWhere(filter);
  const listed = await counts(where.sql, where.params);
  if (listed.count > max) return { source: 'listed', ...listed, paths: null };
  const filtered = where.sql ? `${where.sql} AND ${HAS_FILE}` : `WHERE ${HAS_FILE}`;
  const paths = (await rows(`SELECT m.path FROM case_messages m ${filtered} ORDER BY m.date_utc, m.id`, where.params)).map((r) => String(r[0]));
  return { source: 'listed', ...listed, paths };
}
