/**
 * Intake of the dropped evidence: every dropped file is hashed (the `evidence` section), every file and
 * every archive entry becomes exactly one inventory row, and each entry is streamed once, then handed
 * to `onEntry`. Archives are read by random access, never whole. Bad input never throws: it becomes a
 * row with status error or skipped and a reason; only cancellation and errors of `onEntry` throw.
 */
import type { FileEntry } from '@zip.js/zip.js';
import type { EvidenceFile } from '../model/evidence.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { classifyEntry } from './classifyEntry.ts';
import { collectZipRecord } from './collectZipRecord.ts';
import { contentRow } from './contentRow.ts';
import { MESSAGE_FILE_NAME, type DeferredMessage } from './deferredMessage.ts';
import { createEntryCollector, type CollectedEntry } from './createEntryCollector.ts';
import { ExpansionBudget, expansionLimitMessage, expansionLimitsFor, type ExpansionLimits } from './expansionBudget.ts';
import { DEFAULT_KEEP_IN_MEMORY_LIMIT, HEAD_BYTES, PROGRESS_INTERVAL_MS, READ_SLICE_BYTES } from './limits.ts';
import { openZipEntry, REREADABLE_METHODS, zipEntryDataStart, zipEntryRecord, type ZipEntryRecord } from './openZipEntry.ts';
import { readBlobSlices } from './readBlobSlices.ts';
import { readStreamFully } from './readStreamFully.ts';
import { throwIfAborted } from './throwIfAborted.ts';
import type { RecoveredEntry } from './scanLocalHeaders.ts';
import { walkZip, zipWalkProblem, type ZipWalk } from './walkZip.ts';
import { zipEntryStream } from './zipEntryStream.ts';
import { zipErrorReason } from './zipErrorReason.ts';
import { zipModified } from './zipModified.ts';
import { ZIP_DATA_OPTIONS } from './zipReadOptions.ts';
import { sliceZipSource, type ZipSource } from './zipSource.ts';
import { compareStrings } from '../model/compareStrings.ts';

export interface IngestInput {
  file: Blob;
  /** Evidence-relative path of the dropped file (its name, or its path inside a dropped folder). */
  path: string;
}

export interface IngestProgress {
  filesDone: number;
  /** Inventory rows known so far: grows as archive directories are read. */
  filesTotal: number;
  bytesDone: number;
  /** Sum of the dropped files' sizes. */
  bytesTotal: number;
  step: string;
}

export interface IngestedEntry {
  entry: InventoryEntry;
  /** The whole content when status is ok and size is within `keepInMemoryLimit`; otherwise null. The receiver may transfer it. */
  bytes: Uint8Array | null;
  /** The first HEAD_BYTES of the content (what it was classified from); empty when nothing could be read. */
  head: Uint8Array;
  /** Re-reads the content from the evidence by random access; errors the stream for an unreadable entry. */
  open(): ReadableStream<Uint8Array>;
}

export interface IngestOptions {
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /**
   * Called once per inventory row and awaited: this is where the pipeline parses. Files come in drop
   * order, archive entries in directory order; a nested archive's own row comes after its entries.
   */
  onEntry: (e: IngestedEntry) => Promise<void>;
  /** Default DEFAULT_KEEP_IN_MEMORY_LIMIT (64 MiB). Also the largest compressed nested zip that is opened. */
  keepInMemoryLimit?: number;
  /**
   * Offered every message file that is a plain byte range of a dropped file (see DeferredMessage). When it
   * returns true intake does not read the file and makes no row for it: the caller owns both.
   */
  deferMessage?: (message: DeferredMessage) => boolean;
  /**
   * Return once everything is listed and read, before the dropped zips' own hashes are done: the caller
   * overlaps them with its own work (the deferred messages) and awaits `finished` before it reads the
   * evidence hashes or the inventory. Progress is then no longer reported for them.
   */
  hashZipsLater?: boolean;
  /** Overrides of the limits derived from the evidence size (expansionLimitsFor). */
  expansion?: Partial<ExpansionLimits>;
}

export interface IngestResult {
  /** The dropped files, in drop order. */
  evidence: EvidenceFile[];
  /** Every row, sorted by path. */
  inventory: InventoryEntry[];
  /** Re-reads any inventory entry (the first one when a path occurs twice); null for an unknown path. */
  open(path: string): ReadableStream<Uint8Array> | null;
  /** Resolves once every evidence hash and inventory row is in (at once unless `hashZipsLater`). */
  finished: Promise<void>;
}

/**
 * A dropped zip is consumed twice: once front to back for its evidence hash, once entry by entry. Each
 * pass counts for this share of its size in `bytesDone`, so progress ends exactly at `bytesTotal`.
 */
const ZIP_PASS_SHARE = 0.5;

/** Entries smaller than this report progress only when done: a per-chunk callback costs zip.js an extra stream per entry. */
const PROGRESS_WITHIN_ENTRY_BYTES = 8 * 1024 * 1024;

type Opener = () => ReadableStream<Uint8Array>;

interface ArchiveContext {
  /** The archive's bytes for this pass. */
  source: ZipSource;
  /** The archive's bytes for later re-reads; may re-inflate a nested zip that was not kept. */
  later: () => Promise<ZipSource>;
  /** Inventory path of the archive. */
  container: string;
  /** Prepended to entry names: empty for a dropped zip, `<nested zip path>/` for a nested one. */
  prefix: string;
  /** 1 for a dropped zip, 2 for a zip inside it, … */
  depth: number;
}

type EntryRead = { collected: CollectedEntry } | { head: Uint8Array; error: string; limit: boolean };

const toSlashes = (path: string) => path.replace(/\\/g, '/');

const byPath = (a: InventoryEntry, b: InventoryEntry) => compareStrings(a.path, b.path);

// Openers live as long as the inventory, one per row: they are built here, away from the scopes that
// hold an entry's content or zip.js's entry object, so a closure cannot keep those alive.
const failingOpener =
  (reason: string): Opener =>
  () =>
    new ReadableStream({
      start(controller) {
        controller.error(new Error(reason));
      },
    });
const recordOpener =
  (later: () => Promise<ZipSource>, record: ZipEntryRecord): Opener =>
  () =>
    openZipEntry(later, record);
const zipJsOpener =
  (entry: FileEntry): Opener =>
  () =>
    zipEntryStream(entry);
const blobOpener =
  (file: Blob): Opener =>
  () =>
    file.stream();
const fixedSource =
  (source: ZipSource) =>
  (): Promise<ZipSource> =>
    Promise.resolve(source);
const slicedSource =
  (later: () => Promise<ZipSource>, start: number, end: number) =>
  async (): Promise<ZipSource> =>
    sliceZipSource(await later(), start, end);

const emptyArchiveReason = (folders: number) =>
  folders > 0 ? `empty archive: ${folders} folder(s) and no files` : 'empty archive: no entries';

function fileModified(file: Blob): string | null {
  if (typeof File === 'undefined' || !(file instanceof File) || !Number.isFinite(file.lastModified)) return null;
  return new Date(file.lastModified).toISOString();
}

async function firstSlice(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, READ_SLICE_BYTES).arrayBuffer());
}

/**
 * @throws DOMException AbortError when `options.signal` is aborted; any error thrown by `onEntry`.
 */
export async function ingestEvidence(inputs: IngestInput[], options: IngestOptions): Promise<IngestResult> {
  const { signal } = options;
  const keepLimit = options.keepInMemoryLimit ?? DEFAULT_KEEP_IN_MEMORY_LIMIT;
  const evidence: EvidenceFile[] = [];
  const inventory: InventoryEntry[] = [];
  const openers = new Map<string, Opener>();
  const progress: IngestProgress = {
    filesDone: 0,
    filesTotal: inputs.length,
    bytesDone: 0,
    bytesTotal: inputs.reduce((n, i) => n + i.file.size, 0),
    step: 'Starting',
  };
  const budget = new ExpansionBudget({ ...expansionLimitsFor(progress.bytesTotal), ...options.expansion });
  let lastReport = Number.NEGATIVE_INFINITY;
  /** The last re-inflated nested zip: re-reads tend to come in runs from the same archive. */
  let inflated: { path: string; bytes: Promise<Uint8Array<ArrayBuffer>> } | null = null;
  /** Dropped zips whose own hash is still running: their row (when they have one) is made once it is done. */
  const pendingZips: (() => Promise<void>)[] = [];

  /** Set once ingestEvidence has returned with zip hashes still running (hashZipsLater): nobody shows them. */
  let returned = false;
  const report = (step: string, force = false) => {
    if (returned) return;
    progress.step = step;
    const now = Date.now();
    if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    // A dropped zip's own hash may still be counting after the loop has moved on.
    options.onProgress?.({ ...progress, bytesDone: Math.min(progress.bytesDone, progress.bytesTotal) });
  };

  const emit = async (entry: InventoryEntry, content: { head: Uint8Array; bytes: Uint8Array | null } | null, open: Opener) => {
    inventory.push(entry);
    if (!openers.has(entry.path)) openers.set(entry.path, open);
    progress.filesDone++;
    const bytes = entry.status === 'ok' ? (content?.bytes ?? null) : null;
    await options.onEntry({ entry, bytes, head: content?.head ?? new Uint8Array(0), open });
    report(`Read ${entry.path}`);
  };

  /**
   * Hashes a dropped file front to back; `share` is how much of each byte counts towards `bytesDone`. Its
   * evidence row takes the next slot now, so rows stay in drop order when hashes finish out of order.
   */
  const hashDropped = (file: Blob, path: string, first: Uint8Array, keep: number, share: number): Promise<CollectedEntry> => {
    const slot = evidence.push({ name: path, size: file.size, md5: '', sha256: '' }) - 1;
    return (async () => {
      const collector = await createEntryCollector(file.size, keep);
      collector.add(first);
      progress.bytesDone += first.length * share;
      for await (const slice of readBlobSlices(file, signal, first.length)) {
        collector.add(slice);
        progress.bytesDone += slice.length * share;
        report(`Hashing ${path}`);
      }
      const collected = collector.finish();
      evidence[slot] = { name: path, size: collected.size, md5: collected.md5, sha256: collected.sha256 };
      return collected;
    })();
  };

  const readEntry = async (entry: FileEntry, path: string, countBytes: boolean): Promise<EntryRead> => {
    const collector = await createEntryCollector(entry.uncompressedSize, keepLimit);
    const meter = budget.meter(path, entry.compressedSize);
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
              report(`Reading ${path}`);
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
  };

  /** A compressed nested zip for later re-reads: re-inflated on demand, only the most recent one kept. */
  const reinflatedSource =
    (path: string, size: number, open: Opener) =>
    (): Promise<ZipSource> => {
      if (inflated?.path !== path) inflated = { path, bytes: readStreamFully(open(), { exactBytes: size }) };
      const bytes = inflated.bytes;
      bytes.catch(() => {
        if (inflated?.bytes === bytes) inflated = null;
      });
      return bytes;
    };

  const ingestNestedZip = async (row: InventoryEntry, c: CollectedEntry, record: ZipEntryRecord, encrypted: boolean, open: Opener, parent: ArchiveContext): Promise<void> => {
    const depth = parent.depth + 1;
    const skip = (error: string) => emit({ ...row, status: 'skipped', error }, c, open);
    const tooDeep = budget.admitArchive(depth);
    if (tooDeep) return emit({ ...row, status: 'skipped', error: tooDeep, refused: 'limit' }, c, open);
    let ctx: ArchiveContext;
    if (record.compressionMethod === 0 && !encrypted) {
      // Stored: the nested zip is a byte range of its parent, read in place whatever its size.
      let start: number;
      try {
        start = await zipEntryDataStart(parent.source, record);
      } catch (e) {
        return emit({ ...row, status: 'error', error: zipErrorReason(e) }, c, open);
      }
      const end = start + record.compressedSize;
      ctx = {
        source: sliceZipSource(parent.source, start, end),
        later: slicedSource(parent.later, start, end),
        container: row.path,
        prefix: `${row.path}/`,
        depth,
      };
    } else if (c.bytes) {
      ctx = { source: c.bytes, later: reinflatedSource(row.path, row.size, open), container: row.path, prefix: `${row.path}/`, depth };
    } else {
      return skip(`compressed nested archive above the ${keepLimit}-byte in-memory limit: its entries are not listed`);
    }
    const walk = await walkArchive(ctx);
    const problem = zipWalkProblem(walk);
    if (problem !== null) return emit({ ...row, status: 'error', error: problem }, c, open);
    if (walk.files === 0) return skip(emptyArchiveReason(walk.folders));
    await emit(row, c, open);
  };

  /** The row of an entry that was not read in full: damaged, refused by a limit, or sharing another's data. */
  const unreadRow = (path: string, head: Uint8Array, size: number, status: 'error' | 'skipped', error: string, extra: Pick<InventoryEntry, 'container' | 'modified' | 'refused'>) => {
    const { kind, format } = classifyEntry(path, head, size);
    const row: InventoryEntry = { path, kind, format, size, md5: '', sha256: '', status, error, ...extra };
    return emit(row, { head, bytes: null }, failingOpener(error));
  };

  const ingestZipEntry = async (entry: FileEntry, overlaps: string | null, ctx: ArchiveContext): Promise<void> => {
    throwIfAborted(signal);
    const path = ctx.prefix + toSlashes(entry.filename);
    const extra = { container: ctx.container, modified: zipModified(entry) };
    const empty = new Uint8Array(0);
    if (overlaps !== null) {
      const error = `shares its data with entry ${overlaps} (overlapping zip entries: tampering or a zip bomb): not read twice`;
      return unreadRow(path, empty, entry.uncompressedSize, 'skipped', error, { ...extra, refused: 'overlap' });
    }
    const refused = budget.admitEntry({ path, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
    if (refused) return unreadRow(path, empty, entry.uncompressedSize, 'skipped', refused, { ...extra, refused: 'limit' });
    // Admitted by its declared sizes; the parser that reads it later stops at the declared size.
    if (deferrable(entry, path, ctx)) {
      const record = zipEntryRecord(entry);
      if (options.deferMessage!({ path, source: ctx.source as Blob, record, ...extra, size: entry.uncompressedSize })) {
        progress.bytesDone += entry.compressedSize * ZIP_PASS_SHARE;
        return;
      }
    }
    const read = await readEntry(entry, path, ctx.depth === 1);
    if ('error' in read) return unreadRow(path, read.head, entry.uncompressedSize, read.limit ? 'skipped' : 'error', read.error, read.limit ? { ...extra, refused: 'limit' } : extra);
    const record = zipEntryRecord(entry);
    // zip.js's entry object is kept only for methods the small re-reader cannot inflate (Deflate64).
    const open = REREADABLE_METHODS.has(record.compressionMethod) ? recordOpener(ctx.later, record) : zipJsOpener(entry);
    const row = contentRow(path, read.collected, extra);
    if (row.format === 'zip') return ingestNestedZip(row, read.collected, record, entry.encrypted, open, ctx);
    return emit(row, read.collected, open);
  };

  const ingestRecoveredEntry = async (found: RecoveredEntry, ctx: ArchiveContext): Promise<void> => {
    throwIfAborted(signal);
    const path = ctx.prefix + toSlashes(found.filename);
    const extra = { container: ctx.container, modified: null };
    const empty = new Uint8Array(0);
    if (found.problem !== null) return unreadRow(path, empty, Number.isSafeInteger(found.uncompressedSize) ? found.uncompressedSize : 0, 'error', found.problem, extra);
    const refused = budget.admitEntry({ path, compressedSize: found.compressedSize, uncompressedSize: found.uncompressedSize });
    if (refused) return unreadRow(path, empty, found.uncompressedSize, 'skipped', refused, { ...extra, refused: 'limit' });
    const collector = await createEntryCollector(found.uncompressedSize, keepLimit);
    const read = await collectZipRecord(ctx.source, found, collector, budget.meter(path, found.compressedSize), signal);
    if ('error' in read) return unreadRow(path, read.head, found.uncompressedSize, read.limit ? 'skipped' : 'error', read.error, read.limit ? { ...extra, refused: 'limit' } : extra);
    const open = recordOpener(ctx.later, found);
    const row = contentRow(path, read.collected, extra);
    if (row.format === 'zip') return ingestNestedZip(row, read.collected, found, found.encrypted, open, ctx);
    return emit(row, read.collected, open);
  };

  const deferrable = (entry: FileEntry, path: string, ctx: ArchiveContext): boolean =>
    options.deferMessage !== undefined &&
    ctx.depth === 1 &&
    ctx.source instanceof Blob &&
    !entry.encrypted &&
    REREADABLE_METHODS.has(entry.compressionMethod) &&
    MESSAGE_FILE_NAME.test(path);

  const walkArchive = (ctx: ArchiveContext): Promise<ZipWalk> => {
    // The archive's own row (dropped) or its entries' rows replace the one row counted for it.
    let counted = 0;
    return walkZip(ctx.source, {
      entry: (entry, overlaps) => ingestZipEntry(entry, overlaps, ctx),
      recovered: (found) => ingestRecoveredEntry(found, ctx),
      count: (entries) => {
        counted = entries;
        progress.filesTotal += entries;
        return budget.admitListing(entries);
      },
    }).then((walk) => {
      progress.filesTotal += walk.files - counted;
      return walk;
    });
  };

  /** A dropped file the browser cannot read (moved, deleted or locked since it was chosen). */
  const unreadable = (file: Blob, path: string, e: unknown) => {
    throwIfAborted(signal);
    const error = `file could not be read: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    // hashDropped may already hold this file's slot.
    if (!evidence.some((ev) => ev.name === path && ev.md5 === '')) evidence.push({ name: path, size: file.size, md5: '', sha256: '' });
    const row: InventoryEntry = { path, kind: 'other', format: 'unknown', size: file.size, md5: '', sha256: '', status: 'error', error, modified: fileModified(file) };
    return emit(row, null, failingOpener(error));
  };

  /**
   * The zip's own hash runs beside the listing and the entries' reads (it is awaited only when the caller
   * asks for the result), so it is not a serial pass over the whole archive before anything else starts.
   */
  const ingestDroppedZip = async (file: Blob, path: string, first: Uint8Array) => {
    const digest = hashDropped(file, path, first, 0, ZIP_PASS_SHARE);
    digest.catch(() => undefined);
    report(`Listing ${path}`, true);
    progress.filesTotal--;
    const walk = await walkArchive({ source: file, later: fixedSource(file), container: path, prefix: '', depth: 1 });
    const finish = async () => {
      let hashed: CollectedEntry;
      try {
        hashed = await digest;
      } catch (e) {
        return unreadable(file, path, e);
      }
      const problem = zipWalkProblem(walk);
      if (problem === null && walk.files > 0) return;
      const status = problem === null ? 'skipped' : 'error';
      const error = problem ?? emptyArchiveReason(walk.folders);
      progress.filesTotal++;
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
      await emit(row, hashed, blobOpener(file));
    };
    pendingZips.push(finish);
  };

  const ingestDroppedFile = async (file: Blob, path: string, first: Uint8Array) => {
    if (options.deferMessage && MESSAGE_FILE_NAME.test(path)) {
      if (options.deferMessage({ path, source: file, record: null, modified: fileModified(file), size: file.size })) return;
    }
    let collected: CollectedEntry;
    try {
      collected = await hashDropped(file, path, first, keepLimit, 1);
    } catch (e) {
      return unreadable(file, path, e);
    }
    await emit(contentRow(path, collected, { modified: fileModified(file) }), collected, blobOpener(file));
  };

  // The next file's first slice is requested while this one is processed: each browser File read has a fixed latency.
  let next = inputs.length > 0 ? firstSlice(inputs[0].file) : null;
  for (let i = 0; i < inputs.length; i++) {
    const { file } = inputs[i];
    const path = toSlashes(inputs[i].path);
    const current = next!;
    next = i + 1 < inputs.length ? firstSlice(inputs[i + 1].file) : null;
    next?.catch(() => undefined);
    throwIfAborted(signal);
    const before = progress.bytesDone;
    let first: Uint8Array | null = null;
    try {
      first = await current;
    } catch (e) {
      await unreadable(file, path, e);
    }
    if (first && classifyEntry(path, first.subarray(0, HEAD_BYTES), file.size).format === 'zip') await ingestDroppedZip(file, path, first);
    else if (first) await ingestDroppedFile(file, path, first);
    progress.bytesDone = before + file.size;
    report(`Read ${path}`, true);
  }

  const finishing = (async () => {
    for (const finish of pendingZips) await finish();
    inventory.sort(byPath);
  })();
  const result = { evidence, inventory, open: (path: string) => openers.get(path)?.() ?? null, finished: finishing };
  if (options.hashZipsLater) {
    finishing.catch(() => undefined);
    returned = true;
    return result;
  }
  await finishing;
  report('Inventory complete', true);
  return result;
}
