/**
 * A dropped zip: listed and its entries read at once, while its own hash runs beside them (it is awaited
 * only when the caller asks for the result), so it is not a serial pass over the whole archive before
 * anything else starts. The zip gets a row of its own only when it is damaged or holds no file.
 */
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { fixedSource } from './archiveContext.ts';
import type { CollectedEntry } from './createEntryCollector.ts';
import { emptyArchiveReason } from './emptyArchiveReason.ts';
import { blobOpener } from './entryOpeners.ts';
import { fileModified } from './fileModified.ts';
import { hashDropped } from './hashDropped.ts';
import { ingestArchive } from './ingestArchive.ts';
import { ZIP_PASS_SHARE } from './ingestProgressMeter.ts';
import type { IngestRun } from './ingestRun.ts';
import { unreadableFile } from './unreadableFile.ts';
import { zipWalkProblem } from './walkZip.ts';

/**
 * Lists and reads the zip's entries; returns what finishes it once its hash is done: the zip's own row, if any.
 * @throws DOMException AbortError when the run is cancelled; any error of `onEntry`.
 */
export async function ingestDroppedZip(run: IngestRun, file: Blob, path: string, first: Uint8Array): Promise<() => Promise<void>> {
  const digest = hashDropped(run, file, path, first, 0, ZIP_PASS_SHARE);
  digest.catch(() => undefined);
  run.progress.report(`Listing ${path}`, true);
  run.progress.filesTotal--;
  const walk = await ingestArchive(run, { source: file, later: fixedSource(file), container: path, prefix: '', depth: 1 });
  return async () => {
    let hashed: CollectedEntry;
    try {
      hashed = await digest;
    } catch (e) {
      return unreadableFile(run, file, path, e);
    }
    const problem = zipWalkProblem(walk);
    if (problem === null && walk.files > 0) return;
    const status = problem === null ? 'skipped' : 'error';
    const error = problem ?? emptyArchiveReason(walk.folders);
    run.progress.filesTotal++;
    const row: InventoryEntry = {
      path,
      kind: 'archive',
      format: 'zip',
      size: file.size,
      md5: hashed.md5,
      sha1: hashed.sha1,
      sha256: hashed.sha256,
      status,
      error,
      modified: fileModified(file),
    };
    await run.emit(row, hashed, blobOpener(file));
  };
}
