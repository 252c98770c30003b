/** The Inventory tab's rows: every input file and archive entry with its hashes and status. */
import type { EntryKind, EntryStatus } from '../../lib/model/inventoryEntry.ts';
import type { TriageClient } from '../triageClient.ts';
import { asNumber, asText, queryRows } from './queryRows.ts';

export interface InventoryRow {
  path: string;
  kind: EntryKind;
  format: string;
  size: number | null;
  md5: string;
  sha256: string;
  status: EntryStatus;
  error: string;
  container: string;
  modified: string | null;
}

export async function loadInventory(client: TriageClient): Promise<InventoryRow[]> {
  return queryRows(await client.ask('inventory')).map((r) => ({
    path: asText(r.path),
    kind: asText(r.kind) as EntryKind,
    format: asText(r.format),
    size: asNumber(r.size),
    md5: asText(r.md5),
    sha256: asText(r.sha256),
    status: asText(r.status) as EntryStatus,
    error: asText(r.error),
    container: asText(r.container),
    modified: r.modified === null ? null : asText(r.modified),
  }));
}
