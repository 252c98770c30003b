/** The evidence hash of a dropped file, read front to back in slices. */
import type { CollectedEntry } from './createEntryCollector.ts';
import { createEntryCollector } from './createEntryCollector.ts';
import type { IngestRun } from './ingestRun.ts';
import { readBlobSlices } from './readBlobSlices.ts';

/**
 * Hashes a dropped file, keeping its content when within `keep` bytes; `share` is how much of each byte
 * counts towards `bytesDone`. Its evidence row takes the next slot now, so rows stay in drop order when
 * hashes finish out of order.
 * @throws DOMException AbortError when the run is cancelled; the browser's error when the file cannot be read.
 */
export function hashDropped(run: IngestRun, file: Blob, path: string, first: Uint8Array, keep: number, share: number): Promise<CollectedEntry> {
  const slot = run.evidence.push({ name: path, size: file.size, md5: '', sha256: '' }) - 1;
  return (async () => {
    const collector = await createEntryCollector(file.size, keep);
    collector.add(first);
    run.progress.bytesDone += first.length * share;
    for await (const slice of readBlobSlices(file, run.signal, first.length)) {
      collector.add(slice);
      run.progress.bytesDone += slice.length * share;
      run.progress.report(`Hashing ${path}`);
    }
    const collected = collector.finish();
    run.evidence[slot] = { name: path, size: collected.size, md5: collected.md5, sha256: collected.sha256 };
    return collected;
  })();
}
