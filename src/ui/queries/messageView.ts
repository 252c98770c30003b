/**
 * SQL of the message view: one message's case rows (summary, headers, Received hops, attachments,
 * findings, IOCs, bookmark) and its relatives (thread, same Message-ID, same bytes).
 */
import { escapeLike } from '../../lib/model/escapeLike.ts';

/** Relatives listed per message: a mailing-list thread can hold thousands. */
export const RELATED_LIMIT = 200;

export const MESSAGE_VIEW_SQL = {
  summary: 'SELECT * FROM case_messages WHERE path = ?',
  bookmark: 'SELECT tags, note, created_utc FROM case_bookmarks WHERE path = ?',
  headers: 'SELECT ord, name, value FROM case_headers WHERE message_id = ? ORDER BY ord',
  received:
    'SELECT hop, from_host, from_ptr, ip, by_host, with_proto, time_utc, delay_seconds, raw FROM case_received ' +
    'WHERE message_id = ? ORDER BY hop',
  attachments:
    'SELECT ord, filename, content_type, size, md5, sha1, sha256, detected_type, archive_entries FROM case_attachments ' +
    'WHERE message_id = ? ORDER BY ord',
  findings:
    'SELECT id, type, severity, category, summary FROM case_findings WHERE ref_message = ? ' +
    "ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, id",
  // case_iocs.messages is the newline-separated list of paths the value was seen in.
  iocs: "SELECT kind, value, count FROM case_iocs WHERE (char(10) || messages || char(10)) LIKE ? ESCAPE '\\' ORDER BY kind, value",
  thread:
    'SELECT path, date_utc, from_addr, subject FROM case_messages WHERE thread_id = ? AND path <> ? ' +
    `ORDER BY date_utc, path LIMIT ${RELATED_LIMIT}`,
  sameMessageId:
    'SELECT path, date_utc, account, folder, sha256 FROM case_messages WHERE message_id = ? AND path <> ? ' +
    `ORDER BY path LIMIT ${RELATED_LIMIT}`,
  sameBytes: `SELECT path, account, folder FROM case_messages WHERE sha256 = ? AND path <> ? ORDER BY path LIMIT ${RELATED_LIMIT}`,
} as const;

/** The LIKE pattern that finds one path as a whole line of case_iocs.messages. */
export function iocPathPattern(path: string): string {
  return `%\n${escapeLike(path)}\n%`;
}
