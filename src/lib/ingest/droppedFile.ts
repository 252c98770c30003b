/** A dropped file that is not a zip: offered to the caller when it is a message file, else hashed and handed on whole. */
import { contentRow } from './contentRow.ts';
import type { CollectedEntry } from './createEntryCollector.ts';
import { MESSAGE_FILE_NAME } from './deferredMessage.ts';
import { blobOpener } from './entryOpeners.ts';
import { fileModified } from './fileModified.ts';
import { hashDropped } from './hashDropped.ts';
import type { IngestRun } from './ingestRun.ts';
import { unreadableFile } from './unreadableFile.ts';

/** @throws DOMException AbortError when the run is cancelled; any error of `onEntry`. */
export async function ingestDroppedFile(run: IngestRun, file: Blob, path: string, first: Uint8Array): Promise<void> {
  const { deferMessage } = run.options;
  if (deferMessage && MESSAGE_FILE_NAME.test(path)) {
    if (deferMessage({ path, source: file, record: null, modified: fileModified(file), size: file.size })) return;
  }
  let collected: CollectedEntry;
  try {
    collected = await hashDropped(run, file, path, first, run.keepLimit, 1);
  } catch (e) {
    return unreadableFile(run, file, path, e);
  }
  await run.emit(contentRow(path, collected, { modified: fileModified(file) }), collected, blobOpener(file));
}
