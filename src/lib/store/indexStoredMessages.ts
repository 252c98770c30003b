/**
 * The search index of a reopened case file, rebuilt from what the file holds (subject, addresses, headers,
 * attachments, body preview): a case file keeps no index and no whole bodies, so a reopened case finds
 * body words only in the stored beginning of each body.
 */
import type { Database } from 'sql.js';
import { messageSearchTokens, type SearchableMessage } from '../mail/searchTokens.ts';
import { createSearchIndex, type SearchIndex } from './searchIndex.ts';

const address = (a: string) => ({ name: '', address: a });

function* rows(db: Database, sql: string): Generator<(string | number | null)[]> {
  const stmt = db.prepare(sql);
  try {
    while (stmt.step()) yield stmt.get() as (string | number | null)[];
  } finally {
    stmt.free();
  }
}

export function indexStoredMessages(db: Database): SearchIndex {
  const index = createSearchIndex();
  const byId = new Map<number, SearchableMessage>();
  const message = (id: number): SearchableMessage | undefined => byId.get(id);
  for (const [id, path, from, fromName, to, cc, subject, preview] of rows(
    db,
    'SELECT id, path, from_addr, from_name, to_addrs, cc_addrs, subject, body_preview FROM case_messages',
  )) {
    const split = (v: unknown) => String(v ?? '').split(', ').filter(Boolean).map(address);
    byId.set(Number(id), {
      path: String(path ?? ''), from: from ? { name: String(fromName ?? ''), address: String(from) } : null, to: split(to), cc: split(cc),
      subject: String(subject ?? ''), text: String(preview ?? ''), headers: [], attachments: [], sender: null, replyTo: [], bcc: [],
    });
  }
  for (const [id, name, value] of rows(db, 'SELECT message_id, name, value FROM case_headers')) {
    message(Number(id))?.headers.push({ name: String(name), value: String(value ?? '') });
  }
  for (const [id, filename, type, detected, entries] of rows(db, 'SELECT message_id, filename, content_type, detected_type, archive_entries FROM case_attachments')) {
    message(Number(id))?.attachments.push({
      filename: String(filename ?? ''), contentType: String(type ?? ''), detectedType: String(detected ?? ''),
      ...(entries ? { archiveEntries: String(entries).split('\n') } : {}),
    });
  }
  for (const [id, m] of byId) index.add(id, messageSearchTokens(m));
  return index;
}
