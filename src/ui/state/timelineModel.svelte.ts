/**
 * The Timeline tab: the visible span (zoom and pan; it opens on the dense part of the events), its histogram
 * buckets stacked by event type, the events before and after it, a finding's events highlighted, the brushed
 * selection and the events under it, the server's time zone and the times left out. Bucket counts are asked
 * for at most one at a time with the latest span queued behind, so a burst of wheel events costs two queries.
 */
import { MAX_TIME_MS, MIN_TIME_MS, type BucketLevel, type TimeRange } from '../../lib/model/timelineLevel.ts';
import type { TimelineFilter } from '../../lib/store/queries/timelineQueries.ts';
import { EMPTY_TIMELINE_FILTER, bucketKeyToMs, bucketLevelFor, nextBucket, toTimelineEventRow, type TimelineEventRow } from '../queries/timeline.ts';
import type { TriageClient } from '../triageClient.ts';
import { PagedRows } from './pagedRows.svelte.ts';
import { queryScalar } from '../queries/queryRows.ts';
import { denseRange } from './denseRange.ts';
import { parseZoneInfo, type LeftOutTime, type ServerZoneInfo } from '../queries/serverZoneInfo.ts';

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

/** The narrowest span one can zoom to: twenty one-second bars. */
export const MIN_SPAN_MS = 20_000;
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
  /** The view the current buckets were counted for: equal to `view` once a zoom or pan is drawn. */
  bucketsFor = $state.raw<TimeRange | null>(null);
  selection = $state.raw<TimeRange | null>(null);
  /** The span the view opens on: the events without the farthest outliers (denseRange). */
  dense = $state.raw<TimeRange | null>(null);
  /** Events (under the filter) left and right of the view, shown as arrows with counts. */
  outside = $state.raw<{ before: number; after: number }>({ before: 0, after: 0 });
  /** A finding type whose events are marked on the bars; '' for none. */
  highlight = $state('');
  /** Highlighted events per bar start (ms), at bucketLevel. */
  highlighted = $state.raw<ReadonlyMap<number, number>>(new Map());
  zone = $state.raw<ServerZoneInfo>(parseZoneInfo(null));
  leftOut = $state.raw<{ total: number; rows: LeftOutTime[] }>({ total: 0, rows: [] });
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
    this.extent = this.view = this.selection = this.dense = null;
    this.buckets = [];
    this.bucketsFor = null;
    this.highlighted = new Map();
    this.outside = { before: 0, after: 0 };
    this.events.clear();
    this.error = null;
    try {
      const [extent, types, indicators, dense] = await Promise.all([
        this.#client.ask('timelineExtent'),
        this.#client.ask('timelineTypes'),
        this.#client.ask('timelineIndicators'),
        this.#denseRange(),
        this.#loadZone(runId),
      ]);
      if (runId !== this.runId) return;
      this.types = types.rows.map((r) => ({ type: String(r[0]), count: Number(r[1]) }));
      this.indicatorTypes = indicators.rows.map((r) => String(r[0]));
      const [min, max] = [Date.parse(String(extent.rows[0]?.[0])), Date.parse(String(extent.rows[0]?.[1]))];
      this.extent = Number.isNaN(min) || Number.isNaN(max) ? null : { start: min, end: max + 1 };
      this.dense = dense ? { start: dense.start, end: dense.end + 1 } : null;
      await Promise.all([this.fitDense(), this.#reloadEvents()]);
    } catch (err) {
      if (runId === this.runId) this.error = message(err);
    }
  }

  /** Shows every event ("Fit all"). */
  resetView(): Promise<void> {
    return this.#fit(this.extent);
  }

  /** Shows the dense part of the events, the default view. */
  fitDense(): Promise<void> {
    return this.#fit(this.dense ?? this.extent);
  }

  /** Shows the events of the highlighted finding type, or of every finding when none is highlighted. */
  async fitFindings(): Promise<void> {
    const r = await this.#client.ask('timelineFindingExtent', this.highlight);
    const [min, max] = [Date.parse(String(r.rows[0]?.[0])), Date.parse(String(r.rows[0]?.[1]))];
    if (!Number.isNaN(min) && !Number.isNaN(max)) await this.#fit({ start: min, end: max + 1 });
  }

  /** Zooms to the brushed selection. */
  zoomToSelection(): Promise<void> {
    return this.selection ? this.setView(this.selection.start, this.selection.end) : Promise.resolve();
  }

  /** Marks the events of a finding type on the bars ('' clears). */
  setHighlight(type: string): Promise<void> {
    this.highlight = type;
    return this.#requestBuckets();
  }

  #fit(range: TimeRange | null): Promise<void> {
    if (!range) return Promise.resolve();
    const span = Math.max(MIN_SPAN_MS, range.end - range.start);
    const mid = (range.start + range.end) / 2;
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
        return Number(queryScalar(await client.ask('timelineEventCount', filter, range)) ?? 0);
      },
      async page(offset, limit) {
        return (await client.ask('timelineEventPage', filter, range, offset, limit)).rows.map(toTimelineEventRow);
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
        const [runId, view, level, filter, types, highlight] = [this.runId, this.view, this.level, this.filter, this.types, this.highlight];
        if (!view) continue;
        const [result, marked, outside] = await Promise.all([
          this.#client.ask('timelineBuckets', level, filter, view),
          highlight ? this.#client.ask('timelineBuckets', level, { ...filter, indicator: highlight }, view) : null,
          this.#client.ask('timelineOutsideCounts', filter, view),
        ]);
        if (runId !== this.runId) continue;
        const highlighted = new Map<number, number>();
        for (const [key, , n] of marked?.rows ?? []) {
          const start = bucketKeyToMs(String(key));
          highlighted.set(start, (highlighted.get(start) ?? 0) + Number(n));
        }
        this.highlighted = highlighted;
        this.outside = { before: Number(outside.rows[0]?.[0] ?? 0), after: Number(outside.rows[0]?.[1] ?? 0) };
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
        this.bucketsFor = view;
      }
    } catch (err) {
      this.error = message(err);
    } finally {
      this.#bucketsBusy = false;
    }
  }

  async #loadZone(runId: number): Promise<void> {
    const [zone, count, rows] = await Promise.all([
      this.#client.ask('timelineServerZone'),
      this.#client.ask('timelineLeftOutCount'),
      this.#client.ask('timelineLeftOut'),
    ]);
    if (runId !== this.runId) return;
    const stored = queryScalar(zone);
    this.zone = parseZoneInfo(typeof stored === 'string' ? stored : null);
    this.leftOut = {
      total: Number(queryScalar(count) ?? 0),
      rows: rows.rows.map((r) => ({ timeLocal: String(r[0] ?? ''), type: String(r[1] ?? ''), source: String(r[2] ?? ''), note: String(r[3] ?? '') })),
    };
  }

  async #denseRange(): Promise<TimeRange | null> {
    const client = this.#client;
    const ms = (v: unknown) => (v === null || v === undefined ? null : Date.parse(String(v)));
    const count = Number(queryScalar(await client.ask('timelinePlacedCount')) ?? 0);
    return denseRange({
      count,
      nth: async (i) => ms(queryScalar(await client.ask('timelineNthTime', i))) ?? 0,
      firstFrom: async (t) => ms(queryScalar(await client.ask('timelineFirstFrom', t))),
      lastUpTo: async (t) => ms(queryScalar(await client.ask('timelineLastUpTo', t))),
    });
  }
}
