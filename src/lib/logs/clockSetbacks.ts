/**
 * Finds where a log's local clock goes back (ClockSetback), line by line as the file streams. The running
 * latest time restarts at each setback, so the lines after one are measured against each other.
 */
import type { ClockSetback } from '../model/logEvent.ts';
import { wallClockMs } from '../time/wallClockMs.ts';
import { MAX_SETBACKS_LISTED, SETBACK_MIN_MS } from './logLimits.ts';

export interface SetbackTracker {
  line(localTime: string, lineNo: number): void;
  /** The setbacks found, or null when the clock never went back. */
  result(): { listed: ClockSetback[]; total: number } | null;
}

export function createSetbackTracker(): SetbackTracker {
  const listed: ClockSetback[] = [];
  let total = 0;
  let latest: string | null = null;
  return {
    // Local times are fixed-width text, so only a line that sorts before the latest needs reading as a time.
    line(localTime, lineNo) {
      if (latest === null || localTime > latest) {
        latest = localTime;
        return;
      }
      const [ms, latestMs] = [wallClockMs(localTime), wallClockMs(latest)];
      if (ms === null || latestMs === null || ms >= latestMs - SETBACK_MIN_MS) return;
      total++;
      if (listed.length < MAX_SETBACKS_LISTED) listed.push({ lineNo, from: latest, to: localTime });
      latest = localTime;
    },
    result: () => (total === 0 ? null : { listed, total }),
  };
}
