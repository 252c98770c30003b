/**
 * The one conversion of server-local times (logs, database, last logons) to UTC, for a ServerZone. With an
 * IANA zone a wall time can occur twice (the repeated hour when daylight saving ends) or never (the skipped
 * hour when it starts); both are flagged, never silently resolved:
 * - ambiguous: the hour's first occurrence (the earlier instant, still on summer time) is used;
 * - nonexistent: the offset in force before the change is used (the instant the clock would have shown it,
 *   as Temporal's "compatible" rule does), and the time is marked, since a running clock cannot write it.
 */
import { formatOffset } from './serverZone.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { wallClockMs } from './wallClockMs.ts';
import { zoneOffsetAt } from './zoneOffsetAt.ts';

export interface LocalTimeUtc {
  utcMs: number;
  /** Minutes east of UTC applied. */
  offsetMinutes: number;
  /** The later instant the same wall time also names (repeated hour), or null. */
  secondOccurrenceMs: number | null;
  /** The wall time fell in a skipped hour. */
  nonexistent: boolean;
  /** In the repeated hour, the occurrence the source's own order decided (logTime.ts); absent: first by default. */
  occurrence?: DecidedOccurrence;
}

interface DecidedOccurrence {
  which: 'first' | 'second';
  /** What decided it, in words an examiner can quote. */
  basis: string;
  /** The instant of the occurrence not used. */
  otherMs: number;
}

export type LocalTimeConverter = (local: string) => LocalTimeUtc | null;

/** Transitions of every current tz rule fall on a quarter hour of wall time, so one answer per slot holds. */
const SLOT_MS = 15 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface SlotAnswer {
  /** Offsets whose instant really shows this wall time, largest (earliest instant) first. */
  valid: number[];
  /** The offset in force before a skipped hour. */
  before: number;
}

function slotAnswer(zone: string, slotWall: number): SlotAnswer {
  const before = zoneOffsetAt(zone, slotWall - DAY_MS);
  const after = zoneOffsetAt(zone, slotWall + DAY_MS);
  const candidates = [...new Set([before, after, zoneOffsetAt(zone, slotWall)])].sort((a, b) => b - a);
  const valid = candidates.filter((o) => zoneOffsetAt(zone, slotWall - o * 60_000) === o);
  return { valid, before };
}

/**
 * The one offset of a whole wall-clock day, or null when the zone changes near it. Every instant that shows a
 * wall time of the day lies within [day − 14 h, day + 36 h] (offsets span −12 … +14 h), and no zone changes
 * its offset twice within those 50 hours, so equal offsets at both ends mean one offset for the whole day.
 */
function dayOffset(zone: string, dayWall: number): number | null {
  const first = zoneOffsetAt(zone, dayWall - 14 * HOUR_MS);
  return first === zoneOffsetAt(zone, dayWall + 36 * HOUR_MS) ? first : null;
}

/**
 * Builds the converter of one zone. It remembers each wall day it has answered (two Intl calls), and within
 * the few days around a change each quarter hour, so a million log lines cost a few hundred Intl calls.
 */
export function localTimeConverter(zone: ServerZone): LocalTimeConverter {
  const fixed = zone.fixedOffsetMinutes;
  if (fixed !== null) {
    return (local) => {
      const wall = wallClockMs(local);
      return wall === null ? null : { utcMs: wall - fixed * 60_000, offsetMinutes: fixed, secondOccurrenceMs: null, nonexistent: false };
    };
  }
  const days = new Map<number, number | null>();
  const slots = new Map<number, SlotAnswer>();
  return (local) => {
    const wall = wallClockMs(local);
    if (wall === null) return null;
    const day = Math.floor(wall / DAY_MS) * DAY_MS;
    let whole = days.get(day);
    if (whole === undefined) {
      whole = dayOffset(zone.id, day);
      days.set(day, whole);
    }
    if (whole !== null) return { utcMs: wall - whole * 60_000, offsetMinutes: whole, secondOccurrenceMs: null, nonexistent: false };
    const slot = Math.floor(wall / SLOT_MS) * SLOT_MS;
    let answer = slots.get(slot);
    if (!answer) {
      answer = slotAnswer(zone.id, slot);
      slots.set(slot, answer);
    }
    if (answer.valid.length === 0) {
      return { utcMs: wall - answer.before * 60_000, offsetMinutes: answer.before, secondOccurrenceMs: null, nonexistent: true };
    }
    const [first, second] = answer.valid;
    return {
      utcMs: wall - first * 60_000,
      offsetMinutes: first,
      secondOccurrenceMs: second === undefined ? null : wall - second * 60_000,
      nonexistent: false,
    };
  };
}

/** What an examiner needs to know about one converted time, or null when nothing is special. */
export function conversionNote(c: LocalTimeUtc): string | null {
  if (c.nonexistent) return `nonexistent local time (the clock skipped this hour): read as UTC${formatOffset(c.offsetMinutes)}`;
  if (c.occurrence) {
    const { which, basis, otherMs } = c.occurrence;
    const other = which === 'first' ? 'second' : 'first';
    return `repeated hour: ${which} occurrence UTC${formatOffset(c.offsetMinutes)} used, ${basis}; the ${other} would be ${new Date(otherMs).toISOString()}`;
  }
  if (c.secondOccurrenceMs !== null) {
    return `ambiguous local time (repeated hour): first occurrence UTC${formatOffset(c.offsetMinutes)} used; the second would be ${new Date(c.secondOccurrenceMs).toISOString()}`;
  }
  return null;
}
