/**
 * Nothing lost on reload: the examiner's work product is written to the browser's IndexedDB as it is made,
 * keyed by the evidence hashes, and offered back when the same evidence is analysed again. Work made before
 * answering the offer is saved too; restoring then lays the earlier work under it.
 */
import { workProductKey, workProductSize } from '../../lib/model/workProduct.ts';
import type { TriageClient } from '../triageClient.ts';
import type { SavedWorkProduct, WorkProductStore } from '../workProductStore.ts';

export interface AutosaveOffer {
  savedAt: string;
  /** Bookmarks, annotations, notes and case details in the saved work. */
  size: number;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class Autosave {
  offer = $state.raw<AutosaveOffer | null>(null);
  /** Writes started and not yet finished: the page warns before unloading while there are any. */
  pending = $state(0);
  error = $state<string | null>(null);
  lastSaved = $state<string | null>(null);
  readonly #client: TriageClient;
  readonly #store: WorkProductStore;
  readonly #onRestored: () => Promise<void>;
  #key: string | null = null;
  #earlier: SavedWorkProduct | null = null;
  #chain: Promise<void> = Promise.resolve();

  /** onRestored re-reads every view that shows work product. */
  constructor(client: TriageClient, store: WorkProductStore, onRestored: () => Promise<void>) {
    this.#client = client;
    this.#store = store;
    this.#onRestored = onRestored;
  }

  /** Work that is not in the autosave yet (being written, or the last write failed). */
  get unsaved(): boolean {
    return this.pending > 0 || this.error !== null;
  }

  clear(): void {
    this.#key = null;
    this.#earlier = null;
    this.offer = null;
    this.error = null;
    this.lastSaved = null;
  }

  /** After a run: finds the work saved for this evidence and offers it when the case has none of its own. */
  async open(): Promise<void> {
    this.clear();
    try {
      const hashes = (await this.#client.ask('evidenceHashes')).rows.map((r) => String(r[0] ?? ''));
      const key = workProductKey(hashes);
      this.#key = key;
      if (!key) return;
      const [saved, current] = await Promise.all([this.#store.get(key), this.#client.workProduct()]);
      if (key !== this.#key || !saved || workProductSize(saved.work) === 0 || workProductSize(current) > 0) return;
      this.#earlier = saved;
      this.offer = { savedAt: saved.savedAt, size: workProductSize(saved.work) };
    } catch (err) {
      // Without IndexedDB (private windows may refuse it) the page still works; the case file is the record.
      this.error = `Autosave unavailable: ${message(err)}`;
    }
  }

  /** Writes the current work product; writes run one after another so the last one wins. */
  save(): Promise<void> {
    const key = this.#key;
    if (!key) return Promise.resolve();
    this.pending++;
    this.#chain = this.#chain.then(async () => {
      try {
        const work = await this.#client.workProduct();
        const savedAt = new Date().toISOString();
        if (key === this.#key) await this.#store.put({ key, savedAt, work });
        this.lastSaved = savedAt;
        this.error = null;
      } catch (err) {
        this.error = `Autosave failed: ${message(err)}`;
      } finally {
        this.pending--;
      }
    });
    return this.#chain;
  }

  async restore(): Promise<void> {
    const earlier = this.#earlier;
    if (!earlier) return;
    this.offer = null;
    this.#earlier = null;
    await this.#client.restoreWorkProduct(earlier.work);
    await this.#onRestored();
    await this.save();
  }

  discard(): void {
    this.offer = null;
    this.#earlier = null;
  }
}
