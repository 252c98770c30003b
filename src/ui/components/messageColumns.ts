/** The Messages table's columns over MessageRow: what the table shows and what its CSV holds. Flags: hm_messages.messageflags in words. */
import { formatMessageFlags } from '../../lib/report/formatMessageFlags.ts';
import { formatBytes } from '../format.ts';
import type { MessageRow } from '../queries/messages.ts';
import { formatUtc } from '../state/timelineTime.ts';
import type { Column } from './tableColumn.ts';

/** Queued mail has no folder and a database row may have no file: the Folder cell says so. */
function place(r: MessageRow): string | null {
  if (r.location === 'database-only') return `${r.folder ?? ''} (no file)`.trim();
  return r.folder ?? (r.location ? `(${r.location})` : null);
}

export const MESSAGE_COLUMNS: Column<MessageRow>[] = [
  { key: 'bookmark', label: '★', width: '2rem', sortable: false, value: (r) => (r.bookmarked ? '★' : '') },
  { key: 'date', label: 'Date (UTC)', width: '11.5rem', mono: true, value: (r) => formatUtc(r.date) },
  { key: 'from', label: 'From', width: 'minmax(8.5rem, 1.2fr)', value: (r) => r.from },
  { key: 'to', label: 'To', width: 'minmax(8.5rem, 1.2fr)', value: (r) => r.to },
  { key: 'subject', label: 'Subject', width: 'minmax(12rem, 2fr)', value: (r) => r.subject },
  { key: 'account', label: 'Account', width: 'minmax(8.5rem, 1fr)', value: (r) => r.account },
  { key: 'folder', label: 'Folder', width: '8rem', value: place },
  { key: 'flags', label: 'Flags', width: '7rem', value: (r) => formatMessageFlags(r.flags) || null },
  { key: 'size', label: 'Size', width: '6rem', align: 'end', value: (r) => formatBytes(r.size) },
  { key: 'attachments', label: 'Att.', width: '4rem', align: 'end', value: (r) => r.attachments },
  { key: 'severity', label: 'Indicators', width: '12rem', value: (r) => r.indicators.join(', ') },
];
