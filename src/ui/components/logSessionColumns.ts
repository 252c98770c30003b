/** The Logs tab's session table columns over LogSessionRow: what the table shows and what its CSV holds. */
import type { LogSessionRow } from '../queries/logs.ts';
import type { Column } from './tableColumn.ts';

export const LOG_SESSION_COLUMNS: Column<LogSessionRow>[] = [
  { key: 'start', label: 'Start (server time)', width: '12rem', mono: true, sortable: false, value: (r) => r.start },
  { key: 'protocol', label: 'Protocol', width: '6rem', sortable: false, value: (r) => r.protocol },
  { key: 'ip', label: 'Client IP', width: '9rem', mono: true, sortable: false, value: (r) => r.ip },
  { key: 'helo', label: 'HELO', width: 'minmax(8rem, 1fr)', sortable: false, value: (r) => r.helo },
  { key: 'user', label: 'AUTH user', width: 'minmax(9rem, 1fr)', sortable: false, value: (r) => r.authUser },
  { key: 'result', label: 'Result', width: '6rem', sortable: false, value: (r) => r.authResult },
  { key: 'from', label: 'MAIL FROM', width: 'minmax(9rem, 1fr)', sortable: false, value: (r) => r.mailFrom },
  { key: 'rcpt', label: 'RCPT TO', width: 'minmax(9rem, 1fr)', sortable: false, value: (r) => r.rcptTo },
  { key: 'lines', label: 'Lines', width: '5rem', align: 'end', sortable: false, value: (r) => r.lineCount },
  { key: 'file', label: 'File', width: 'minmax(10rem, 1fr)', mono: true, sortable: false, value: (r) => r.file },
];
