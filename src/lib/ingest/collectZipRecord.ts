/**
 * Reads one entry recovered from its local header (no zip.js entry object exists for it) into a
 * collector, metered against the expansion budget; CRC and size are checked by the re-reader.
 */
import type { CollectedEntry, EntryCollector } from './createEntryCollector.ts';
import type { ExpansionMeter } from './expansionBudget.ts';
import { expansionLimitMessage } from './expansionBudget.ts';
import { openZipEntry, type ZipEntryRecord } from './openZipEntry.ts';
import { throwIfAborted } from './throwIfAborted.ts';
import type { ZipSource } from './zipSource.ts';

export type RecordRead = { collected: CollectedEntry } | { head: Uint8Array; error: string; limit: boolean };

/** @throws DOMException AbortError when `signal` is aborted. */
export async function collectZipRecord(
  source: ZipSource,
  record: ZipEntryRecord,
  collector: EntryCollector,
  meter: ExpansionMeter,
  signal?: AbortSignal,
): Promise<RecordRead> {
  const reader = openZipEntry(source, record).getReader();
  try {
    for (;;) {
      throwIfAborted(signal);
      const { done, value } = await reader.read();
      if (done) return { collected: collector.finish() };
      meter.add(value.length);
      collector.add(value);
    }
  } catch (e) {
    throwIfAborted(signal);
    await reader.cancel().catch(() => undefined);
    const limit = expansionLimitMessage(e);
    const reason = limit ?? `recovered entry ${record.filename} could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return { head: collector.finish().head, error: reason, limit: limit !== null };
  }
}
