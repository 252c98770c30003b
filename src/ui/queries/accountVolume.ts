/**
 * Messages per account per day, from each source apart (the SQL is src/lib/store/queries/accountVolumeQueries.ts),
 * as sparkline rows with totals and peaks. Feeds the sending-spike picture on the Overview.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import type { TriageClient } from '../triageClient.ts';
import { asNumber, asText, queryRows } from './queryRows.ts';

/** Days a sparkline spans at most (the latest ones): a year of daily bars still fits a table cell. */
export const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export interface AccountVolumeRow {
  account: string;
  source: string;
  total: number;
  /** Days with at least one message. */
  days: number;
  peakDay: string;
  peakCount: number;
  perDay: Record<string, number>;
  /** A sending-spike finding names this account. */
  spike: boolean;
}

export interface AccountVolume {
  rows: AccountVolumeRow[];
  /** Every day from the first to the last seen (at most MAX_DAYS, the latest), for aligned sparklines. */
  days: string[];
  truncated: boolean;
}

function dayRange(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  const from = Math.max(start, end - (MAX_DAYS - 1) * DAY_MS);
  const days: string[] = [];
  for (let t = from; t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function toRows(result: QueryResult, spikes: Set<string>): AccountVolumeRow[] {
  const byKey = new Map<string, AccountVolumeRow>();
  for (const r of queryRows(result)) {
    const account = asText(r.account);
    const source = asText(r.source);
    const day = asText(r.day);
    const n = asNumber(r.n) ?? 0;
    const key = `${account}\u0000${source}`;
    let row = byKey.get(key);
    if (!row) {
      row = { account, source, total: 0, days: 0, peakDay: day, peakCount: 0, perDay: {}, spike: spikes.has(account) };
      byKey.set(key, row);
    }
    row.total += n;
    row.days += 1;
    row.perDay[day] = n;
    if (n > row.peakCount) {
      row.peakCount = n;
      row.peakDay = day;
    }
  }
  // Shown in a table the examiner reads: ties in the human alphabet (localeCompare).
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.account.localeCompare(b.account) || a.source.localeCompare(b.source));
}

export async function loadAccountVolume(client: TriageClient): Promise<AccountVolume> {
  const result = await client.ask('accountVolume');
  const spikes = new Set((await client.ask('sendingSpikes')).rows.map((r) => String(r[0])));
  const rows = toRows(result, spikes);
  const all = rows.flatMap((r) => Object.keys(r.perDay)).sort();
  return { rows, days: all.length ? dayRange(all[0], all[all.length - 1]) : [], truncated: result.truncated === true };
}
