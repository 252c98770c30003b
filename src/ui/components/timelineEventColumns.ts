/** The Timeline's event table columns over TimelineEventRow: what the table shows and what its "export selected" CSV holds. */
import type { TimelineEventRow } from '../queries/timeline.ts';
import { formatServerTime, formatUtc } from '../state/timelineTime.ts';
import type { Column } from './tableColumn.ts';

/** @param zone the server's time zone, the second time column's */
export function timelineEventColumns(zone: string): Column<TimelineEventRow>[] {
  return [
    { key: 'utc', label: 'Time (UTC)', width: '12.5rem', mono: true, sortable: false, value: (e) => formatUtc(e.timeUtc) },
    { key: 'server', label: `Server time (${zone})`, width: '15.5rem', mono: true, sortable: false, value: (e) => formatServerTime(e.timeUtc, zone) },
    { key: 'type', label: 'Type', width: '11rem', sortable: false, value: (e) => e.type },
    { key: 'description', label: 'Description', width: 'minmax(18rem, 3fr)', sortable: false, value: (e) => e.description },
    { key: 'account', label: 'Account', width: 'minmax(9rem, 1fr)', sortable: false, value: (e) => e.account },
    { key: 'ip', label: 'IP', width: '9rem', mono: true, sortable: false, value: (e) => e.ip },
    { key: 'source', label: 'Source', width: '8rem', sortable: false, value: (e) => e.source },
  ];
}
