/**
 * The timeline as a plain CSV, every event: also those left out of the chart and Timesketch (placeholders, times
 * of unknown zone), with time_utc empty and time_note saying why. time_zone names the zone of time_local.
 */
import { csvRecord } from './formatCsv.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

const COLUMNS = ['time_utc', 'time_local', 'time_zone', 'time_note', 'type', 'source', 'description', 'account', 'ip', 'message', 'session'];

export function timelineCsv(events: TimelineEvent[]): string {
  let out = csvRecord(COLUMNS);
  for (const e of events) out += csvRecord([e.timeUtc, e.timeLocal, e.timeZone, e.timeNote, e.type, e.source, e.description, e.account, e.ip, e.refMessage, e.refSession]);
  return out;
}
