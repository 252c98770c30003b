/**
 * Lists one archive and makes a row of each of its entries, in directory order: read once and handed on,
 * refused by a limit, deferred to the caller (message files), or opened as a nested archive.
 */
import type { FileEntry } from '@zip.js/zip.js';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { ArchiveContext } from './archiveContext.ts';
import { classifyEntry } from './classifyEntry.ts';
import { collectZipRecord, type RecordRead } from './collectZipRecord.ts';
import { contentRow } from './contentRow.ts';
import { createEntryCollector, type CollectedEntry } from './createEntryCollector.ts';
import { MESSAGE_FILE_NAME } from './deferredMessage.ts';
import { failingOpener, recordOpener, zipJsOpener, type Opener } from './entryOpeners.ts';
import { ZIP_PASS_SHARE } from './ingestProgressMeter.ts';
import type { IngestRun } from './ingestRun.ts';
import { nestedZipRow, openNestedZip } from './nestedZip.ts';
import { REREADABLE_METHODS, zipEntryRecord, type ZipEntryRecord } from './openZipEntry.ts';
import { readZipEntry } from './readZipEntry.ts';
import type { RecoveredEntry } from './scanLocalHeaders.ts';
import { throwIfAborted } from './throwIfAborted.ts';
import { toSlashes } from './toSlashes.ts';
import { walkZip, type ZipWalk } from './walkZip.ts';
import { zipModified } from './zipModified.ts';

type RowExtra = Pick<InventoryEntry, 'container' | 'modified' | 'refused'>;

/** @throws DOMException AbortError when the run is cancelled; any error of `onEntry`. */
export function ingestArchive(run: IngestRun, ctx: ArchiveContext): Promise<ZipWalk> {
  // The archive's own row (dropped) or its entries' rows replace the one row counted for it.
  let counted = 0;
  return walkZip(ctx.source, {
    entry: (entry, overlaps) => ingestZipEntry(run, entry, overlaps, ctx),
    recovered: (found) => ingestRecoveredEntry(run, found, ctx),
    count: (entries) => {
      counted = entries;
      run.progress.filesTotal += entries;
      return run.budget.admitListing(entries);
    },
  }).then((walk) => {
    run.progress.filesTotal += walk.files - counted;
    return walk;
  });
}

async function ingestZipEntry(run: IngestRun, entry: FileEntry, overlaps: string | null, ctx: ArchiveContext): Promise<void> {
  throwIfAborted(run.signal);
  const path = ctx.prefix + toSlashes(entry.filename);
  const extra = { container: ctx.container, modified: zipModified(entry) };
  const empty = new Uint8Array(0);
  if (overlaps !== null) {
    const error = `shares its data with entry ${overlaps} (overlapping zip entries: tampering or a zip bomb): not read twice`;
    return unreadRow(run, path, empty, entry.uncompressedSize, 'skipped', error, { ...extra, refused: 'overlap' });
  }
  const refused = run.budget.admitEntry({ path, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
  if (refused) return unreadRow(run, path, empty, entry.uncompressedSize, 'skipped', refused, { ...extra, refused: 'limit' });
  // Admitted by its declared sizes; the parser that reads it later stops at the declared size.
  if (deferrable(run, entry, path, ctx)) {
    const record = zipEntryRecord(entry);
    if (run.options.deferMessage!({ path, source: ctx.source as Blob, record, ...extra, size: entry.uncompressedSize })) {
      run.progress.bytesDone += entry.compressedSize * ZIP_PASS_SHARE;
      return;
    }
  }
  const read = await readZipEntry(run, entry, path, ctx.depth === 1);
  if ('error' in read) return unreadEntryRow(run, path, read, entry.uncompressedSize, extra);
  const record = zipEntryRecord(entry);
  // zip.js's entry object is kept only for methods the small re-reader cannot inflate (Deflate64).
  const open = REREADABLE_METHODS.has(record.compressionMethod) ? recordOpener(ctx.later, record) : zipJsOpener(entry);
  return emitContent(run, contentRow(path, read.collected, extra), read.collected, record, entry.encrypted, open, ctx);
}

async function ingestRecoveredEntry(run: IngestRun, found: RecoveredEntry, ctx: ArchiveContext): Promise<void> {
  throwIfAborted(run.signal);
  const path = ctx.prefix + toSlashes(found.filename);
  const extra = { container: ctx.container, modified: null };
  const empty = new Uint8Array(0);
  if (found.problem !== null) return unreadRow(run, path, empty, Number.isSafeInteger(found.uncompressedSize) ? found.uncompressedSize : 0, 'error', found.problem, extra);
  const refused = run.budget.admitEntry({ path, compressedSize: found.compressedSize, uncompressedSize: found.uncompressedSize });
  if (refused) return unreadRow(run, path, empty, found.uncompressedSize, 'skipped', refused, { ...extra, refused: 'limit' });
  const collector = await createEntryCollector(found.uncompressedSize, run.keepLimit);
  const read = await collectZipRecord(ctx.source, found, collector, run.budget.meter(path, found.compressedSize), run.signal);
  if ('error' in read) return unreadEntryRow(run, path, read, found.uncompressedSize, extra);
  return emitContent(run, contentRow(path, read.collected, extra), read.collected, found, found.encrypted, recordOpener(ctx.later, found), ctx);
}

/** Offered to the caller instead of read: a message file stored or deflated in a dropped zip (see DeferredMessage). */
function deferrable(run: IngestRun, entry: FileEntry, path: string, ctx: ArchiveContext): boolean {
  return (
    run.options.deferMessage !== undefined &&
    ctx.depth === 1 &&
    ctx.source instanceof Blob &&
    !entry.encrypted &&
    REREADABLE_METHODS.has(entry.compressionMethod) &&
    MESSAGE_FILE_NAME.test(path)
  );
}

/** An entry read in full: a nested zip is walked before its own row is made. */
async function emitContent(run: IngestRun, row: InventoryEntry, c: CollectedEntry, record: ZipEntryRecord, encrypted: boolean, open: Opener, ctx: ArchiveContext): Promise<void> {
  if (row.format !== 'zip') return run.emit(row, c, open);
  const nested = await openNestedZip(run, row, c, record, encrypted, open, ctx);
  if (!('source' in nested)) return run.emit({ ...row, ...nested }, c, open);
  return run.emit(nestedZipRow(row, await ingestArchive(run, nested)), c, open);
}

/** The row of an entry whose read failed: skipped when a limit stopped it, an error otherwise. */
function unreadEntryRow(run: IngestRun, path: string, read: Exclude<RecordRead, { collected: CollectedEntry }>, size: number, extra: RowExtra): Promise<void> {
  return unreadRow(run, path, read.head, size, read.limit ? 'skipped' : 'error', read.error, read.limit ? { ...extra, refused: 'limit' } : extra);
}

/** The row of an entry that was not read in full: damaged, refused by a limit, or sharing another's data. */
function unreadRow(run: IngestRun, path: string, head: Uint8Array, size: number, status: 'error' | 'skipped', error: string, extra: RowExtra): Promise<void> {
  const { kind, format } = classifyEntry(path, head, size);
  const row: InventoryEntry = { path, kind, format, size, md5: '', sha256: '', status, error, ...extra };
  return run.emit(row, { head, bytes: null }, failingOpener(error));
}
