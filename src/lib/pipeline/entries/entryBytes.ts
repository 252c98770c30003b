import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { readAll } from '../readAll.ts';

/** The entry's whole content: the bytes intake kept, or a re-read; null when it is above `limit`. */
export async function entryBytes(e: IngestedEntry, limit: number): Promise<Uint8Array | null> {
  return e.bytes ?? (await readAll(e.open(), limit));
}
