/**
 * Rows of a big table fetched page by page as they become visible: a count first, then only the pages
 * under the visible window. Shared by the Messages, Timeline and Logs tables. A reset starts a new
 * generation so answers to an older filter (or an older case) are dropped instead of shown.
 */

export const PAGE_SIZE = 100;
/** Pages kept on either side of the window; farther ones are dropped so a long scroll does not keep every row. */
const KEEP_PAGES = 10;

export interface PagedSource<T> {
  count(): Promise<number>;
  page(offset: number, limit: number): Promise<T[]>;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class PagedRows<T> {
  total = $state<number | null>(null);
  error = $state<string | null>(null);
  /** 0..total-1: what VirtualTable windows over; each index is resolved with rowAt() when rendered. */
  readonly indexes = $derived(Array.from({ length: this.total ?? 0 }, (_, i) => i));
  #pages = $state.raw<ReadonlyMap<number, readonly T[]>>(new Map());
  #source: PagedSource<T> | null = null;
  #generation = 0;
  #inflight = new Map<number, Promise<void>>();
  #first = 0;
  #last = -1;
  #seenLow = Infinity;
  #seenHigh = -1;

  constructor(readonly pageSize = PAGE_SIZE) {}

  /** Page numbers currently held, in order (for the specs). */
  get loadedPages(): number[] {
    return [...this.#pages.keys()].sort((a, b) => a - b);
  }

  /** True while the count of the current source is on its way. */
  get pending(): boolean {
    return this.total === null && this.#source !== null && this.error === null;
  }

  /**
   * The row at this index, or undefined while its page is on the way. The table renders only its
   * window, so the indexes asked for in one tick are the window: their pages are fetched after it.
   */
  rowAt(index: number): T | undefined {
    if (this.#seenHigh < 0) queueMicrotask(() => this.#flushSeen());
    this.#seenLow = Math.min(this.#seenLow, index);
    this.#seenHigh = Math.max(this.#seenHigh, index);
    return this.#pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /**
   * Forgets every row and asks the new source for its count, then the pages of the last window
   * (the first page when nothing was shown yet). Resolves when those are in, or superseded.
   */
  async reset(source: PagedSource<T>): Promise<void> {
    const generation = this.#begin(source);
    try {
      const total = await source.count();
      if (generation !== this.#generation) return;
      this.total = total;
      const inside = this.#first < total;
      const first = inside ? this.#first : 0;
      await this.ensure(first, inside ? Math.max(this.#last, first + this.pageSize - 1) : this.pageSize - 1);
    } catch (err) {
      if (generation === this.#generation) this.error = message(err);
    }
  }

  clear(): void {
    this.#begin(null);
  }

  /** Rows first..last (inclusive) are on screen: fetch the pages they need that are neither held nor on the way. */
  ensure(first: number, last: number): Promise<void> {
    this.#first = Math.max(0, first);
    this.#last = last;
    const source = this.#source;
    if (!source || this.total === null || this.total === 0) return Promise.resolve();
    const lastRow = Math.min(last, this.total - 1);
    const loads: Promise<void>[] = [];
    for (let p = Math.floor(this.#first / this.pageSize); p <= Math.floor(lastRow / this.pageSize); p++) {
      if (this.#pages.has(p)) continue;
      const running = this.#inflight.get(p);
      loads.push(running ?? this.#load(source, p));
    }
    return Promise.all(loads).then(() => undefined);
  }

  #flushSeen(): void {
    const [low, high] = [this.#seenLow, this.#seenHigh];
    this.#seenLow = Infinity;
    this.#seenHigh = -1;
    if (high >= 0) void this.ensure(low, high);
  }

  #begin(source: PagedSource<T> | null): number {
    this.#source = source;
    this.#pages = new Map();
    this.#inflight = new Map();
    this.total = null;
    this.error = null;
    return ++this.#generation;
  }

  #load(source: PagedSource<T>, page: number): Promise<void> {
    const generation = this.#generation;
    const inflight = this.#inflight;
    const work = (async () => {
      try {
        const rows = await source.page(page * this.pageSize, this.pageSize);
        if (generation !== this.#generation) return;
        const low = Math.floor(this.#first / this.pageSize) - KEEP_PAGES;
        const high = Math.floor(Math.max(this.#first, this.#last) / this.pageSize) + KEEP_PAGES;
        const next = new Map([...this.#pages].filter(([p]) => p >= low && p <= high));
        next.set(page, rows);
        this.#pages = next;
      } catch (err) {
        if (generation === this.#generation) this.error = message(err);
      } finally {
        inflight.delete(page);
      }
    })();
    inflight.set(page, work);
    return work;
  }
}
