/**
 * Which messages "Export messages (zip)" takes: the bookmarked ones, or when nothing is bookmarked the
 * messages the Messages tab lists under its current filter. Database rows without a file are counted
 * apart: they have no bytes to put in the zip, so they are named in the note instead of failing the export.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import type { MessageFilter } from '../../lib/store/queries/messageQueries.ts';
import type { TriageClient } from '../triageClient.ts';
import { prepareSearch } from './messages.ts';

export interface MessagesToExport {
  source: 'bookmarked' | 'listed';
  /** Messages with a file: what goes into the zip. */
  count: number;
  /** Selected database rows whose file is missing (location 'database-only'): not in the zip. */
  withoutFile: number;
  /** In list order; null when count is over the limit asked for (nothing is read then). */
  paths: string[] | null;
}

function counts(result: QueryResult): { count: number; withoutFile: number } {
  const [r] = result.rows;
  return { count: Number(r?.[0] ?? 0), withoutFile: Number(r?.[1] ?? 0) };
}

const paths = (result: QueryResult) => result.rows.map((r) => String(r[0]));

export async function messagesToExport(client: TriageClient, filter: MessageFilter, max: number): Promise<MessagesToExport> {
  const bookmarked = counts(await client.ask('bookmarkedExportCounts'));
  if (bookmarked.count + bookmarked.withoutFile > 0) {
    return { source: 'bookmarked', ...bookmarked, paths: bookmarked.count > max ? null : paths(await client.ask('bookmarkedExportPaths')) };
  }
  await prepareSearch(client, filter);
  const listed = counts(await client.ask('listedExportCounts', filter));
  if (listed.count > max) return { source: 'listed', ...listed, paths: null };
  return { source: 'listed', ...listed, paths: paths(await client.ask('listedExportPaths', filter)) };
}
