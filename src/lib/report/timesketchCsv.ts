/** The timeline as Timesketch CSV (header first, mandatory columns first); events without a UTC time are left out. */
import { csvRecord } from './formatCsv.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';
import { TIMESKETCH_FIELDS, timesketchRow } from './timesketchRow.ts';

export function timesketchCsv(events: TimelineEvent[]): string {
  let out = csvRecord([...TIMESKETCH_FIELDS]);
  for (const e of events) {
    const row = timesketchRow(e);
    if (row) out += csvRecord(TIMESKETCH_FIELDS.map((f) => row[f]));
  }
  return out;
}
