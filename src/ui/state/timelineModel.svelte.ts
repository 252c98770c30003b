/**
 * The Timeline tab: the visible span (zoom and pan), its histogram buckets stacked by event type, the
 * brushed selection and the events under it, and the server's time zone. Bucket counts are asked for
 * at most one at a time with the latest span queued behind, so a burst of wheel events costs two queries.
 */
import {
  EMPTY_TIMELINE_FILTER,
  MAX_TIME_MS,
  MIN_TIME_MS,
  TIMELINE_SQL,
  bucketKeyToMs,
  bucketLevelFor,
  bucketQuery,
  eventCountQuery,
  eventPageQuery,
  nextBucket,
  toTimelineEventRow,
  type BucketLevel,
  type TimeRange,
  type TimelineEventRow,
  type TimelineFilter,
} from '../queries/timeline.ts';
import type { TriageClient } from '../triageClient.ts';
import { PagedRows } from './pagedRows.svelte.ts';
import { queryScalar } from '../queries/queryRows.ts';

export interface TimelineBucket {
  start: number;
  end: number;
  /** Events per type, in the order of TimelineModel.types. */
  counts: number[];
  total: number;
}

export interface TimelineType {
  type: string;
  count: number;
}

/** The narrowest span one can zoom to: ten one-minute bars. */
export const MIN_SPAN_MS = 10 * 60_000;
/** Space left around the events when the view is reset, so the first and last bars are not at the edge. */
const MARGIN = 0.02;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class TimelineModel {
  runId = $state<number | null>(null);
  extent = $state.raw<TimeRange | null>(null);
  view = $state.raw<TimeRange | null>(null);
  readonly level: BucketLevel = $derived(this.view ? bucketLevelFor(this.view.end - this.view.start) : 'day');
  filter = $state.raw<TimelineFilter>(EMPTY_TIMELINE_FILTER);
  types = $state.raw<TimelineType[]>([]);
  indicatorTypes = $state.raw<string[]>([]);
  buckets = $state.raw<TimelineBucket[]>([]);
  /** The level the current buckets were counted at (the view may already be at another). */
  bucketLevel = $state<BucketLevel>('day');
  selection = $state.raw<TimeRange | null>(null);
  offsetMinutes = $state(0);
  offsetBasis = $state('');
  error = $state<string | null>(null);
  readonly events = new PagedRows<TimelineEventRow>();
  readonly #client: TriageClient;
  #bucketsRun: Promise<void> = Promise.resolve();
  #bucketsBusy = false;
  #bucketsDirty = false;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  /** Loads the case of this run; resolves when the histogram and the first events are in. */
  async open(runId: number): Promise<void> {
    if (runId === this.runId) return;
    this.runId = runId;
    this.extent = this.view = this.selection = null;
    this.buckets = [];
    this.events.clear();
    this.error = null;
    try {
      const [extent, types, indicators] = await Promise.all([
        this.#client.query(TIMELINE_SQL.extent),
        this.#client.query(TIMELINE_SQL.types),
        this.#client.query(TIMELINE_SQL.indicators),
        this.#loadOffset(runId),
      ]);
      if (runId !== this.runId) return;
      this.types = types.rows.map((r) => ({ type: String(r[0]), count: Number(r[1]) }));
      this.indicatorTypes = indicators.rows.map((r) => String(r[0]));
      const [min, max] = [Date.parse(String(extent.rows[0]?.[0])), Date.parse(String(extent.rows[0]?.[1]))];
      this.extent = Number.isNaN(min) || Number.isNaN(max) ? null : { start: min, end: max + 1 };
      await Promise.all([this.resetView(), this.#reloadEvents()]);
    } catch (err) {
      if (runId === this.runId) this.error = message(err);
    }
  }

  /** Shows every event again. */
  resetView(): Promise<void> {
    if (!this.extent) return Promise.resolve();
    const span = Math.max(MIN_SPAN_MS, this.extent.end - this.extent.start);
    const mid = (this.extent.start + this.extent.end) / 2;
    return this.setView(mid - (span * (1 + 2 * MARGIN)) / 2, mid + (span * (1 + 2 * MARGIN)) / 2);
  }

  setView(start: number, end: number): Promise<void> {
    const span = Math.min(MAX_TIME_MS - MIN_TIME_MS, Math.max(MIN_SPAN_MS, end - start));
    const from = Math.min(MAX_TIME_MS - span, Math.max(MIN_TIME_MS, (start + end) / 2 - span / 2));
    this.view = { start: from, end: from + span };
    return this.#requestBuckets();
  }

  /** factor < 1 zooms in; the instant under `anchor` (ms) stays where it is on screen. */
  zoom(factor: number, anchor?: number): Promise<void> {
    const v = this.view;
    if (!v) return Promise.resolve();
    const at = anchor ?? (v.start + v.end) / 2;
    const span = Math.max(MIN_SPAN_MS, (v.end - v.start) * factor);
    const ratio = (at - v.start) / (v.end - v.start);
    return this.setView(at - span * ratio, at - span * ratio + span);
  }

  /** Moves the view by a fraction of its width (negative: earlier). */
  pan(fraction: number): Promise<void> {
    const v = this.view;
    if (!v) return Promise.resolve();
    const shift = (v.end - v.start) * fraction;
    return this.setView(v.start + shift, v.end + shift);
  }

  /** Selects a time range: the event list shows only it. */
  brush(range: TimeRange | null): Promise<void> {
    this.selection = range && range.end > range.start ? range : null;
    return this.#reloadEvents();
  }

  setFilter(patch: Partial<TimelineFilter>): Promise<void> {
    this.filter = { ...this.filter, ...patch };
    return Promise.all([this.#requestBuckets(), this.#reloadEvents()]).then(() => undefined);
  }

  /** Sets the server's zone (minutes east of UTC): the case database re-derives UTC from local log times. */
  async setServerOffset(minutes: number): Promise<void> {
    const runId = this.runId;
    await this.#client.setServerUtcOffset(minutes);
    if (runId !== this.runId || runId === null) return;
    await this.#loadOffset(runId);
    await Promise.all([this.#requestBuckets(), this.#reloadEvents()]);
  }

  #reloadEvents(): Promise<void> {
    const client = this.#client;
    const filter = this.filter;
    const range = this.selection ?? this.extent;
    if (!range) {
      this.events.clear();
      return Promise.resolve();
    }
    return this.events.reset({
      async count() {
        const q = eventCountQuery(filter, range);
        return Number(queryScalar(await client.query(q.sql, q.params)) ?? 0);
      },
      async page(offset, limit) {
        const q = eventPageQuery(filter, range, offset, limit);
        return (await client.query(q.sql, q.params)).rows.map(toTimelineEventRow);
      },
    });
  }

  #requestBuckets(): Promise<void> {
    this.#bucketsDirty = true;
    if (!this.#bucketsBusy) this.#bucketsRun = this.#runBuckets();
    return this.#bucketsRun;
  }

  async #runBuckets(): Promise<void> {
    this.#bucketsBusy = true;
    try {
      while (this.#bucketsDirty) {
        this.#bucketsDirty = false;
        const [runId, view, level, filter, types] = [this.runId, this.view, this.level, this.filter, this.types];
        if (!view) continue;
        const q = bucketQuery(level, filter, view);
        const result = await this.#client.query(q.sql, q.params);
        if (runId !== this.runId) continue;
        const index = new Map(types.map((t, i) => [t.type, i]));
        const byKey = new Map<string, TimelineBucket>();
        for (const [key, type, n] of result.rows) {
          const k = String(key);
          let bucket = byKey.get(k);
          if (!bucket) {
            const start = bucketKeyToMs(k);
            bucket = { start, end: nextBucket(start, level), counts: types.map(() => 0), total: 0 };
            byKey.set(k, bucket);
          }
          const i = index.get(String(type));
          if (i !== undefined) bucket.counts[i] += Number(n);
          bucket.total += Number(n);
        }
        this.buckets = [...byKey.values()].filter((b) => !Number.isNaN(b.start));
        this.bucketLevel = level;
      }
    } catch (err) {
      this.error = message(err);
    } finally {
      this.#bucketsBusy = false;
    }
  }

  async #loadOffset(runId: number): Promise<void> {
    const r = await this.#client.query(TIMELINE_SQL.serverOffset);
    if (runId !== this.runId) return;
    const meta = new Map(r.rows.map((row) => [String(row[0]), row[1]]));
    const minutes = Number(meta.get('server_utc_offset_minutes') ?? 0);
    this.offsetMinutes = Number.isFinite(minutes) ? minutes : 0;
    this.offsetBasis = String(meta.get('server_utc_offset_basis') ?? '');
  }
}
