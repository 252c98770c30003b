/** The timeline as Timesketch CSV (header first, mandatory columns first); events without a UTC time are left out. */
import { csvRow } from '../timeline/csvRow.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';
import { TIMESKETCH_FIELDS, timesketchRow } from './timesketchRow.ts';

export function timesketchCsv(events: TimelineEvent[]): string {
  let out = csvRow([...TIMESKETCH_FIELDS]);
  for (const e of events) {
    const row = timesketchRow(e);
    if (row) out += csvRow(TIMESKETCH_FIELDS.map((f) => row[f]));
  }
  return out;
}
