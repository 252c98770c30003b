/**
 * SQL of the message view: one message's case rows (summary, headers, Received hops, attachments,
 * findings, IOCs, bookmark) and its relatives (thread, same Message-ID, same bytes).
 */
import { escapeLike } from '../../model/escapeLike.ts';
import { RELATED_LIMIT } from '../../model/viewLimits.ts';
import type { SqlQuery } from './sqlQuery.ts';

const byPath = (sql: string) => (path: string): SqlQuery => ({ sql, params: [path] });
const byMessageId = (sql: string) => (id: number): SqlQuery => ({ sql, params: [id] });
/** Relatives of a message: rows sharing `value`, the message itself (its path) left out. */
const relatives = (sql: string) => (value: string | number, path: string): SqlQuery => ({ sql, params: [value, path] });

export const messageSummaryQuery = byPath('SELECT * FROM case_messages WHERE path = ?');

export const messageHeadersQuery = byMessageId('SELECT ord, name, value FROM case_headers WHERE message_id = ? ORDER BY ord');

export const messageReceivedQuery = byMessageId(
  'SELECT hop, from_host, from_ptr, ip, by_host, with_proto, time_utc, delay_seconds, raw FROM case_received ' +
    'WHERE message_id = ? ORDER BY hop',
);

export const messageAttachmentsQuery = byMessageId(
  'SELECT ord, filename, content_type, size, md5, sha1, sha256, detected_type, archive_entries FROM case_attachments ' +
    'WHERE message_id = ? ORDER BY ord',
);

export const messageFindingsQuery = byPath(
  'SELECT id, type, severity, category, summary FROM case_findings WHERE ref_message = ? ' +
    "ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, id",
);

/** case_iocs.messages is the newline-separated list of paths the value was seen in: the path must be a whole line. */
export function messageIocsQuery(path: string): SqlQuery {
  return {
    sql: "SELECT kind, value, count FROM case_iocs WHERE (char(10) || messages || char(10)) LIKE ? ESCAPE '\\' ORDER BY kind, value",
    params: [`%\n${escapeLike(path)}\n%`],
  };
}

export const messageThreadQuery = relatives(
  `SELECT path, date_utc, from_addr, subject FROM case_messages WHERE thread_id = ? AND path <> ? ORDER BY date_utc, path LIMIT ${RELATED_LIMIT}`,
);

export const sameMessageIdQuery = relatives(
  `SELECT path, date_utc, account, folder, sha256 FROM case_messages WHERE message_id = ? AND path <> ? ORDER BY path LIMIT ${RELATED_LIMIT}`,
);

export const sameBytesQuery = relatives(`SELECT path, account, folder FROM case_messages WHERE sha256 = ? AND path <> ? ORDER BY path LIMIT ${RELATED_LIMIT}`);
