/**
 * The state one intake shares between its parts (dropped files, dropped zips, archive entries, nested
 * zips), passed to each explicitly: the evidence and inventory so far, each row's re-reader, progress,
 * the expansion budget, and `emit`, the one way a row is added and handed to the caller.
 */
import type { EvidenceFile } from '../model/evidence.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { Opener } from './entryOpeners.ts';
import { ExpansionBudget, expansionLimitsFor } from './expansionBudget.ts';
import { InflatedZipCache } from './inflatedZipCache.ts';
import type { IngestInput, IngestOptions } from './ingestEvidence.ts';
import { IngestProgressMeter } from './ingestProgressMeter.ts';
import { DEFAULT_KEEP_IN_MEMORY_LIMIT } from './limits.ts';

export class IngestRun {
  /** The dropped files, in drop order. */
  readonly evidence: EvidenceFile[] = [];
  readonly inventory: InventoryEntry[] = [];
  readonly signal: AbortSignal | undefined;
  readonly keepLimit: number;
  readonly progress: IngestProgressMeter;
  readonly budget: ExpansionBudget;
  readonly inflated = new InflatedZipCache();
  /** The first row's re-reader of each path. */
  private readonly openers = new Map<string, Opener>();

  constructor(
    inputs: IngestInput[],
    readonly options: IngestOptions,
  ) {
    this.signal = options.signal;
    this.keepLimit = options.keepInMemoryLimit ?? DEFAULT_KEEP_IN_MEMORY_LIMIT;
    this.progress = new IngestProgressMeter(inputs, options.onProgress);
    this.budget = new ExpansionBudget({ ...expansionLimitsFor(this.progress.bytesTotal), ...options.expansion });
  }

  /**
   * Adds a row and hands it to `onEntry`, with its content only when the row is ok.
   * @throws any error of `onEntry`.
   */
  async emit(entry: InventoryEntry, content: { head: Uint8Array; bytes: Uint8Array | null } | null, open: Opener): Promise<void> {
    this.inventory.push(entry);
    if (!this.openers.has(entry.path)) this.openers.set(entry.path, open);
    this.progress.filesDone++;
    const bytes = entry.status === 'ok' ? (content?.bytes ?? null) : null;
    await this.options.onEntry({ entry, bytes, head: content?.head ?? new Uint8Array(0), open });
    this.progress.report(`Read ${entry.path}`);
  }

  open(path: string): ReadableStream<Uint8Array> | null {
    return this.openers.get(path)?.() ?? null;
  }
}
