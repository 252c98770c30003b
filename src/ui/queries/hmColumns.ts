/** Which hm_* tables and columns the case database has: the views show a table as missing rather than failing. */
import { HmColumns } from '../../lib/store/queries/hmColumns.ts';
import type { TriageClient } from '../triageClient.ts';

export async function loadHmColumns(client: TriageClient): Promise<HmColumns> {
  return HmColumns.fromRows((await client.ask('hmColumns')).rows);
}
