/**
 * The time fields of a timeline event, from each kind of source, through the one conversion (time/localToUtc).
 * Placeholders and times of unknown zone keep their text but get no UTC instant: they stay out of the
 * timeline's extent and of Timesketch and are listed as "left out" with the reason in timeNote.
 */
import type { LogData } from '../model/logEvent.ts';
import { conversionNote, type LocalTimeUtc } from '../time/localTimeConverter.ts';
import { serverTimeUtc } from '../time/localToUtc.ts';
import { logTimeUtc, type LogPlace } from '../time/logTime.ts';
import { placeholderTime } from '../time/placeholderTime.ts';
import { formatOffset } from '../time/serverZone.ts';
import type { ServerZone } from '../model/serverZone.ts';
import type { TimelineEvent } from './timelineEvent.ts';

export type EventTime = Pick<TimelineEvent, 'timeUtc' | 'timeLocal' | 'timeZone' | 'timeNote'>;

const LEFT_OUT = 'left out: ';

/** The DOS zip time of a zeroed field: 1980-01-01 00:00:00, the format's first representable instant. */
const DOS_EPOCH = /^1980-01-01[T ]00:00:00/;

function leftOut(local: string): string | null {
  const p = placeholderTime(local);
  return p ? `${LEFT_OUT}${p.shown}: ${p.reason}` : null;
}

/** A reading of the server's own clock (database). */
export function serverEventTime(local: string, zone: ServerZone): EventTime {
  return convertedEventTime(local, zone, () => serverTimeUtc(local, zone));
}

/** A log line's time: as serverEventTime, with the repeated hour decided by the log's order where it can be. */
export function logEventTime(logs: Pick<LogData, 'files'>, zone: ServerZone, at: LogPlace): EventTime {
  return convertedEventTime(at.localTime, zone, () => logTimeUtc(logs, zone, at));
}

function convertedEventTime(local: string, zone: ServerZone, convert: () => LocalTimeUtc | null): EventTime {
  const placeholder = leftOut(local);
  if (placeholder) return { timeUtc: null, timeLocal: local, timeZone: zone.id, timeNote: placeholder };
  const r = convert();
  if (!r) return { timeUtc: null, timeLocal: local, timeZone: zone.id, timeNote: `${LEFT_OUT}invalid: not a readable time` };
  return { timeUtc: new Date(r.utcMs).toISOString(), timeLocal: local, timeZone: zone.id, timeNote: conversionNote(r) };
}

/** A header time already converted to UTC from the offset written beside it. */
export function headerEventTime(utcIso: string, offsetMinutes: number | null): EventTime {
  const timeZone = offsetMinutes === null ? 'UTC' : `UTC${formatOffset(offsetMinutes, true)}`;
  const placeholder = leftOut(utcIso);
  return placeholder ? { timeUtc: null, timeLocal: null, timeZone, timeNote: placeholder } : { timeUtc: utcIso, timeLocal: null, timeZone, timeNote: null };
}

/** A file time: ISO UTC from a file system or zip UTC field, or a naive DOS zip time whose zone nobody recorded. */
export function fileEventTime(modified: string): EventTime {
  if (/Z$/.test(modified)) return headerEventTime(modified, null);
  const local = modified.replace('T', ' ');
  const placeholder = leftOut(local) ?? (DOS_EPOCH.test(local) ? `${LEFT_OUT}not set: zip entry time 1980-01-01 00:00 (a zeroed DOS time)` : null);
  return {
    timeUtc: null,
    timeLocal: local,
    timeZone: 'unknown',
    timeNote: placeholder ?? `${LEFT_OUT}zone unknown: a zip entry time in the local time of the machine that made the archive, with no zone recorded`,
  };
}
