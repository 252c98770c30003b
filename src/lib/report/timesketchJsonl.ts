/** The timeline as Timesketch JSONL (one event object per line); events without a UTC time are left out. */
import type { TimelineEvent } from '../timeline/timelineEvent.ts';
import { timesketchRow } from './timesketchRow.ts';

export function timesketchJsonl(events: TimelineEvent[]): string {
  let out = '';
  for (const e of events) {
    const row = timesketchRow(e);
    if (!row) continue;
    const present = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
    out += `${JSON.stringify(present)}\n`;
  }
  return out;
}
