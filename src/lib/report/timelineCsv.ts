/** The timeline as a plain CSV, every event (also those without a readable time), both UTC and server local time. */
import { csvRecord } from './formatCsv.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

const COLUMNS = ['time_utc', 'time_local', 'type', 'source', 'description', 'account', 'ip', 'message', 'session'];

export function timelineCsv(events: TimelineEvent[]): string {
  let out = csvRecord(COLUMNS);
  for (const e of events) out += csvRecord([e.timeUtc, e.timeLocal, e.type, e.source, e.description, e.account, e.ip, e.refMessage, e.refSession]);
  return out;
}
