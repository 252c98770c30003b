import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { readStreamFully } from '../../ingest/readStreamFully.ts';

/** The entry's whole content: the bytes intake kept, or a re-read; null when it is above `limit`. */
export async function entryBytes(e: IngestedEntry, limit: number): Promise<Uint8Array | null> {
  return e.bytes ?? (await readStreamFully(e.open(), { maxBytes: limit }));
}
