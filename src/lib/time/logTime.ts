/**
 * Log times to UTC, deciding the repeated hour from the log's own order where it can (issue 11). A log is
 * written in time order, so when daylight saving ends its clock goes back by up to an hour inside the
 * repeated hour (a ClockSetback, found while streaming): its lines from that setback on, still in the
 * repeated hour, are the second occurrence, and its lines in that hour before it are the first. Both are
 * marked with what decided them. It stays undecided (first occurrence by default, flagged ambiguous) when the
 * file's clock never went back there (the server may have been quiet for one of the two hours) or when it
 * also goes back elsewhere (a log not in time order decides nothing).
 */
import type { LogData, LogFileStats } from '../model/logEvent.ts';
import type { LocalTimeUtc } from './localTimeConverter.ts';
import { serverTimeUtc } from './localToUtc.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { wallClockMs } from './wallClockMs.ts';

/** Where a log time was read: its file, line and local time as written. */
export interface LogPlace {
  file: string;
  lineNo: number;
  localTime: string;
}

interface RepeatedHourSetback {
  lineNo: number;
  from: string;
  to: string;
  /** First-occurrence instant of `to`, which names the repeated hour it falls in. */
  toFirstMs: number;
  /** How far the clock went back at the change (the second occurrence minus the first). */
  shiftMs: number;
}

/** A file's setbacks in one zone: the repeated-hour ones, or null when the file is not in time order. */
type FileClock = RepeatedHourSetback[] | null;

const clocks = new WeakMap<ServerZone, WeakMap<LogFileStats, FileClock>>();
const filesByPath = new WeakMap<LogFileStats[], Map<string, LogFileStats>>();

function repeatedHourSetback(s: { lineNo: number; from: string; to: string }, zone: ServerZone): RepeatedHourSetback | null {
  const to = serverTimeUtc(s.to, zone);
  const from = serverTimeUtc(s.from, zone);
  if (to?.secondOccurrenceMs == null || from?.secondOccurrenceMs == null) return null;
  const shiftMs = to.secondOccurrenceMs - to.utcMs;
  const back = (wallClockMs(s.from) ?? 0) - (wallClockMs(s.to) ?? 0);
  // Both ends in the same repeated hour, and the clock went back no further than the change itself.
  if (Math.abs(from.utcMs - to.utcMs) >= shiftMs || back > shiftMs) return null;
  return { ...s, toFirstMs: to.utcMs, shiftMs };
}

function fileClock(stats: LogFileStats, zone: ServerZone): FileClock {
  let byFile = clocks.get(zone);
  if (!byFile) clocks.set(zone, (byFile = new WeakMap()));
  if (byFile.has(stats)) return byFile.get(stats)!;
  const listed = stats.setbacks?.listed ?? [];
  const repeated = listed.map((s) => repeatedHourSetback(s, zone));
  const inOrder = repeated.every((s) => s !== null) && (stats.setbacks?.total ?? 0) === listed.length;
  const clock = inOrder ? (repeated as RepeatedHourSetback[]) : null;
  byFile.set(stats, clock);
  return clock;
}

function statsOf(files: LogFileStats[], path: string): LogFileStats | undefined {
  let map = filesByPath.get(files);
  if (!map) filesByPath.set(files, (map = new Map(files.map((f) => [f.path, f]))));
  return map.get(path);
}

export function logTimeUtc(logs: Pick<LogData, 'files'>, zone: ServerZone, at: LogPlace): LocalTimeUtc | null {
  const r = serverTimeUtc(at.localTime, zone);
  if (r?.secondOccurrenceMs == null) return r;
  const stats = statsOf(logs.files, at.file);
  const clock = stats ? fileClock(stats, zone) : null;
  const setback = clock?.find((s) => Math.abs(s.toFirstMs - r.utcMs) < s.shiftMs);
  if (!setback) return r;
  const where = `the log's clock went back from ${setback.from.slice(11, 19)} to ${setback.to.slice(11, 19)} at line ${setback.lineNo}`;
  if (at.lineNo < setback.lineNo) {
    return { ...r, occurrence: { which: 'first', basis: `written before ${where}`, otherMs: r.secondOccurrenceMs } };
  }
  return {
    ...r,
    utcMs: r.secondOccurrenceMs,
    offsetMinutes: r.offsetMinutes - setback.shiftMs / 60_000,
    occurrence: { which: 'second', basis: at.lineNo === setback.lineNo ? `${where} (this line)` : `written after ${where}`, otherMs: r.utcMs },
  };
}

/** As logTimeUtc, as "YYYY-MM-DDTHH:MM:SS.mmmZ" or null. */
export function logTimeIso(logs: Pick<LogData, 'files'>, zone: ServerZone, at: LogPlace): string | null {
  const r = logTimeUtc(logs, zone, at);
  return r ? new Date(r.utcMs).toISOString() : null;
}

/** As logTimeUtc, as epoch ms or null. */
export function logTimeMs(logs: Pick<LogData, 'files'>, zone: ServerZone, at: LogPlace): number | null {
  return logTimeUtc(logs, zone, at)?.utcMs ?? null;
}
