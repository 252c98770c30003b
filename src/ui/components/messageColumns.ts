/** The Messages table's columns over MessageRow: what the table shows and what its CSV holds. */
import { formatMessageFlags } from '../../lib/report/formatMessageFlags.ts';
import { formatBytes } from '../format.ts';
import type { MessageRow } from '../queries/messages.ts';
import { formatUtc } from '../state/timelineTime.ts';
import type { Column } from './tableColumn.ts';

export const MESSAGE_COLUMNS: Column<MessageRow>[] = [
  { key: 'bookmark', label: '★', width: '2rem', sortable: false, value: (r) => (r.bookmarked ? '★' : '') },
  { key: 'date', label: 'Date (UTC)', width: '12.5rem', mono: true, value: (r) => formatUtc(r.date) },
  { key: 'from', label: 'From', width: 'minmax(10rem, 1.2fr)', value: (r) => r.from },
  { key: 'to', label: 'To', width: 'minmax(10rem, 1.2fr)', value: (r) => r.to },
  { key: 'subject', label: 'Subject', width: 'minmax(14rem, 2fr)', value: (r) => r.subject },
  { key: 'account', label: 'Account', width: 'minmax(9rem, 1fr)', value: (r) => r.account },
  { key: 'folder', label: 'Folder', width: '8rem', value: (r) => r.folder },
  { key: 'location', label: 'Where', width: '7rem', value: (r) => r.location },
  { key: 'flags', label: 'Flags', width: '9rem', value: (r) => formatMessageFlags(r.flags) || null },
  { key: 'size', label: 'Size', width: '6rem', align: 'end', value: (r) => formatBytes(r.size) },
  { key: 'attachments', label: 'Att.', width: '4rem', align: 'end', value: (r) => r.attachments },
  { key: 'severity', label: 'Indicators', width: '12rem', value: (r) => r.indicators.join(', ') },
];
