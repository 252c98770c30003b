/**
 * A .7z in the evidence (hMailServer's own backup, "HMBackup <date>.7z"): extracted in memory, each file
 * hashed, classified and given its own inventory row under the archive's path, then analysed like any
 * other entry (hMailServerBackup.xml as the database, DataBackup/ messages as message files).
 */
import type { Extracted7z } from '../database/extract7z.ts';
import { classifyEntry } from '../ingest/classifyEntry.ts';
import { digestBytes } from '../ingest/digestBytes.ts';
import type { IngestedEntry } from '../ingest/ingestEvidence.ts';
import { HEAD_BYTES } from '../ingest/limits.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { bytesStream } from './bytesStream.ts';

export interface Expanded7z {
  rows: InventoryEntry[];
  /** Extracted bytes by inventory path, so the views can re-read them. */
  contents: Map<string, Uint8Array>;
  error: string | null;
}

export async function expand7z(
  archive: IngestedEntry,
  bytes: Uint8Array,
  extract: (bytes: Uint8Array) => Promise<Extracted7z>,
  dispatch: (e: IngestedEntry) => Promise<void>,
): Promise<Expanded7z> {
  const { entries, error } = await extract(bytes);
  const rows: InventoryEntry[] = [];
  const contents = new Map<string, Uint8Array>();
  for (const extracted of entries) {
    const path = `${archive.entry.path}/${extracted.path}`;
    const digests = await digestBytes(extracted.bytes);
    const head = extracted.bytes.subarray(0, HEAD_BYTES);
    const row: InventoryEntry = {
      path,
      ...classifyEntry(path, head, extracted.bytes.byteLength),
      size: extracted.bytes.byteLength,
      ...digests,
      status: 'ok',
      container: archive.entry.path,
      modified: null,
    };
    rows.push(row);
    contents.set(path, extracted.bytes);
    await dispatch({
      entry: row,
      bytes: extracted.bytes.slice(),
      head,
      open: () => bytesStream(extracted.bytes),
    });
  }
  return { rows, contents, error };
}
