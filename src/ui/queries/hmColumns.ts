/** Which hm_* tables and columns the case database has: the views show a table as missing rather than failing. */
import { HmTables } from '../../lib/model/hmTables.ts';
import type { TriageClient } from '../triageClient.ts';

export async function loadHmColumns(client: TriageClient): Promise<HmTables> {
  return HmTables.fromRows((await client.ask('hmColumns')).rows);
}
