/** Reads one archive entry through zip.js into a collector, metered against the expansion budget. */
import type { FileEntry } from '@zip.js/zip.js';
import type { RecordRead } from './collectZipRecord.ts';
import { createEntryCollector } from './createEntryCollector.ts';
import { expansionLimitMessage } from './expansionBudget.ts';
import { ZIP_PASS_SHARE } from './ingestProgressMeter.ts';
import type { IngestRun } from './ingestRun.ts';
import { throwIfAborted } from './throwIfAborted.ts';
import { zipErrorReason } from './zipErrorReason.ts';
import { ZIP_DATA_OPTIONS } from './zipReadOptions.ts';

/** Entries smaller than this report progress only when done: a per-chunk callback costs zip.js an extra stream per entry. */
const PROGRESS_WITHIN_ENTRY_BYTES = 8 * 1024 * 1024;

/**
 * @param countBytes whether the entry's compressed size counts towards `bytesDone` (entries of a dropped zip).
 * @throws DOMException AbortError when the run is cancelled.
 */
export async function readZipEntry(run: IngestRun, entry: FileEntry, path: string, countBytes: boolean): Promise<RecordRead> {
  const { progress, signal } = run;
  const collector = await createEntryCollector(entry.uncompressedSize, run.keepLimit);
  const meter = run.budget.meter(path, entry.compressedSize);
  const start = progress.bytesDone;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      throwIfAborted(signal);
      meter.add(chunk.length);
      collector.add(chunk);
    },
  });
  try {
    await entry.getData(sink, {
      ...ZIP_DATA_OPTIONS,
      signal,
      onprogress: countBytes && entry.compressedSize >= PROGRESS_WITHIN_ENTRY_BYTES
        ? (done: number) => {
            progress.bytesDone = start + done * ZIP_PASS_SHARE;
            progress.report(`Reading ${path}`);
          }
        : undefined,
    });
    return { collected: collector.finish() };
  } catch (e) {
    const partial = collector.finish();
    throwIfAborted(signal);
    const limit = expansionLimitMessage(e);
    return { head: partial.head, error: limit ?? zipErrorReason(e, entry), limit: limit !== null };
  } finally {
    if (countBytes) progress.bytesDone = start + entry.compressedSize * ZIP_PASS_SHARE;
  }
}
