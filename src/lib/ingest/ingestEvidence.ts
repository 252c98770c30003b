/**
 * Intake of the dropped evidence: every dropped file is hashed (the `evidence` section), every file and
 * every archive entry becomes exactly one inventory row, and each entry is streamed once, then handed
 * to `onEntry`. Archives are read by random access, never whole. Bad input never throws: it becomes a
 * row with status error or skipped and a reason; only cancellation and errors of `onEntry` throw.
 * The parts: droppedFile and droppedZip per dropped file, ingestArchive per archive entry, nestedZip,
 * and the state they share (IngestRun, with its IngestProgressMeter).
 */
import type { EvidenceFile } from '../model/evidence.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { compareStrings } from '../model/compareStrings.ts';
import { classifyEntry } from './classifyEntry.ts';
import type { DeferredMessage } from './deferredMessage.ts';
import { ingestDroppedFile } from './droppedFile.ts';
import { ingestDroppedZip } from './droppedZip.ts';
import type { ExpansionLimits } from './expansionBudget.ts';
import { IngestRun } from './ingestRun.ts';
import { HEAD_BYTES, READ_SLICE_BYTES } from './limits.ts';
import { throwIfAborted } from './throwIfAborted.ts';
import { toSlashes } from './toSlashes.ts';
import { unreadableFile } from './unreadableFile.ts';

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

const byPath = (a: InventoryEntry, b: InventoryEntry) => compareStrings(a.path, b.path);

async function firstSlice(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, READ_SLICE_BYTES).arrayBuffer());
}

/**
 * @throws DOMException AbortError when `options.signal` is aborted; any error thrown by `onEntry`.
 */
export async function ingestEvidence(inputs: IngestInput[], options: IngestOptions): Promise<IngestResult> {
  const run = new IngestRun(inputs, options);
  const { progress } = run;
  /** Dropped zips whose own hash is still running: their row (when they have one) is made once it is done. */
  const pendingZips: (() => Promise<void>)[] = [];

  // The next file's first slice is requested while this one is processed: each browser File read has a fixed latency.
  let next = inputs.length > 0 ? firstSlice(inputs[0].file) : null;
  for (let i = 0; i < inputs.length; i++) {
    const { file } = inputs[i];
    const path = toSlashes(inputs[i].path);
    const current = next!;
    next = i + 1 < inputs.length ? firstSlice(inputs[i + 1].file) : null;
    next?.catch(() => undefined);
    throwIfAborted(run.signal);
    const before = progress.bytesDone;
    let first: Uint8Array | null = null;
    try {
      first = await current;
    } catch (e) {
      await unreadableFile(run, file, path, e);
    }
    if (first && classifyEntry(path, first.subarray(0, HEAD_BYTES), file.size).format === 'zip') pendingZips.push(await ingestDroppedZip(run, file, path, first));
    else if (first) await ingestDroppedFile(run, file, path, first);
    progress.bytesDone = before + file.size;
    progress.report(`Read ${path}`, true);
  }

  const finishing = (async () => {
    for (const finish of pendingZips) await finish();
    run.inventory.sort(byPath);
  })();
  const result = { evidence: run.evidence, inventory: run.inventory, open: (path: string) => run.open(path), finished: finishing };
  if (options.hashZipsLater) {
    finishing.catch(() => undefined);
    progress.stop();
    return result;
  }
  await finishing;
  progress.report('Inventory complete', true);
  return result;
}
