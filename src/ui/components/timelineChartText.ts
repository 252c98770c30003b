/**
 * The timeline histogram in words and as table rows, for screen readers and for anyone who wants the
 * numbers behind the bars: the canvas alone has no text.
 */
import type { TimelineBucket, TimelineType } from '../state/timelineModel.svelte.ts';
import { formatUtc } from '../state/timelineTime.ts';

/** Bars listed at most in the table (the summary still counts them all). */
export const MAX_CHART_ROWS = 500;

export interface ChartRow {
  start: string;
  total: number;
  /** "logon-failed 3, smtp-session 2": the non-zero types of the bar, biggest first. */
  breakdown: string;
}

const iso = (ms: number) => formatUtc(new Date(ms).toISOString());

/** Bars in view with at least one event, oldest first. */
export function chartRows(buckets: TimelineBucket[], types: TimelineType[], view: { start: number; end: number } | null): ChartRow[] {
  if (!view) return [];
  return buckets
    .filter((b) => b.total > 0 && b.end > view.start && b.start < view.end)
    .sort((a, b) => a.start - b.start)
    .map((b) => ({
      start: iso(b.start),
      total: b.total,
      breakdown: b.counts
        .map((n, i) => ({ n, type: types[i]?.type ?? `type ${i + 1}` }))
        .filter((c) => c.n > 0)
        // A tooltip read by a person: the human alphabet, not code-unit order.
        .sort((a, c) => c.n - a.n || a.type.localeCompare(c.type))
        .map((c) => `${c.type} ${c.n.toLocaleString('en')}`)
        .join(', '),
    }));
}

/** One sentence: how many events in how many bars, from when to when, and the busiest bar. */
export function chartSummary(rows: ChartRow[], barLabel: string): string {
  if (rows.length === 0) return 'No events in the visible time range.';
  const events = rows.reduce((n, r) => n + r.total, 0);
  const busiest = rows.reduce((a, r) => (r.total > a.total ? r : a));
  const bars = `${rows.length.toLocaleString('en')} bar${rows.length === 1 ? '' : 's'}`;
  return (
    `${events.toLocaleString('en')} event${events === 1 ? '' : 's'} in ${bars} (one bar per ${barLabel}), ` +
    `from ${rows[0].start} to ${rows[rows.length - 1].start} UTC; the busiest bar starts ${busiest.start} ` +
    `with ${busiest.total.toLocaleString('en')}.`
  );
}
