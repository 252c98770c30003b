/** The row of a dropped file the browser cannot read (moved, deleted or locked since it was chosen). */
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { failingOpener } from './entryOpeners.ts';
import { fileModified } from './fileModified.ts';
import type { IngestRun } from './ingestRun.ts';
import { throwIfAborted } from './throwIfAborted.ts';

/** @throws DOMException AbortError when the run is cancelled (the read failed because of it); any error of `onEntry`. */
export function unreadableFile(run: IngestRun, file: Blob, path: string, e: unknown): Promise<void> {
  throwIfAborted(run.signal);
  const error = `file could not be read: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  // hashDropped may already hold this file's slot.
  if (!run.evidence.some((ev) => ev.name === path && ev.md5 === '')) run.evidence.push({ name: path, size: file.size, md5: '', sha256: '' });
  const row: InventoryEntry = { path, kind: 'other', format: 'unknown', size: file.size, md5: '', sha256: '', status: 'error', error, modified: fileModified(file) };
  return run.emit(row, null, failingOpener(error));
}
