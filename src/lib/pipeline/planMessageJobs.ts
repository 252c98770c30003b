/**
 * Groups deferred message files into parser-pool jobs: neighbouring entries of one dropped zip share a job,
 * so one File read (about a millisecond of browser IPC each, whatever its size) serves many messages. A job
 * never spans a large foreign entry (a database between two messages is not read along), and stays small
 * enough that a few of them in flight per worker keep memory bounded.
 */
import type { DeferredMessage } from '../ingest/deferredMessage.ts';
import type { MessageJobEntry } from './readMessageJob.ts';

/** Bytes of compressed data a job reads at most (a larger single entry gets a job of its own). */
const MAX_JOB_BYTES = 4 * 1024 * 1024;
/** Entries a job holds at most: results of one job return together, so this also bounds latency. */
export const MAX_JOB_ENTRIES = 48;
/** Bytes between two entries above which they go to separate jobs rather than reading what lies between. */
export const MAX_JOB_GAP = 64 * 1024;
/** Room left after the last entry's data for its local header's name and extra field (both up to 64 KiB). */
const LOCAL_HEADER_ROOM = 30 + 2 * 65535;

export interface PlannedJob {
  source: Blob;
  offset: number;
  end: number;
  entries: MessageJobEntry[];
  /** Compressed bytes of the entries, for progress. */
  bytes: number;
}

function entryOf(d: DeferredMessage): MessageJobEntry {
  return { path: d.path, record: d.record, ...(d.container !== undefined ? { container: d.container } : {}), modified: d.modified };
}

function zipJobs(source: Blob, messages: DeferredMessage[]): PlannedJob[] {
  const sorted = [...messages].sort((a, b) => a.record!.offset - b.record!.offset);
  const jobs: PlannedJob[] = [];
  let job: PlannedJob | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const record = sorted[i].record!;
    const next = sorted[i + 1]?.record!.offset;
    // The next entry's local header bounds this entry exactly; the last one gets room for its own header.
    const end = Math.min(source.size, next ?? Number.POSITIVE_INFINITY, record.offset + LOCAL_HEADER_ROOM + record.compressedSize);
    const fits = job !== null && record.offset - job.end <= MAX_JOB_GAP && end - job.offset <= MAX_JOB_BYTES && job.entries.length < MAX_JOB_ENTRIES;
    if (!fits) {
      job = { source, offset: record.offset, end, entries: [], bytes: 0 };
      jobs.push(job);
    }
    job!.entries.push(entryOf(sorted[i]));
    job!.end = Math.max(job!.end, end);
    job!.bytes += record.compressedSize;
  }
  return jobs;
}

export function planMessageJobs(deferred: DeferredMessage[]): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  const bySource = new Map<Blob, DeferredMessage[]>();
  for (const d of deferred) {
    if (d.record === null) {
      jobs.push({ source: d.source, offset: 0, end: d.source.size, entries: [entryOf(d)], bytes: d.source.size });
      continue;
    }
    const list = bySource.get(d.source) ?? [];
    if (list.length === 0) bySource.set(d.source, list);
    list.push(d);
  }
  for (const [source, list] of bySource) jobs.push(...zipJobs(source, list));
  return jobs;
}
