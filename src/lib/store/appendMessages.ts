/**
 * Writes parsed messages into the case database while the run goes on, one transaction per batch, and
 * adds their tokens to the search index: the views can list them at once, and no message waits in a worker
 * for the end of the run. What only the end of the run knows (database link, findings, thread) is filled in
 * by writeCaseTables.
 */
import type { BindParams, Database } from 'sql.js';
import type { ParsedMessage } from '../model/message.ts';
import { BODY_PREVIEW_CHARS } from './bodyPreviewChars.ts';
import { inTransaction } from './inTransaction.ts';
import type { SearchIndex } from './searchIndex.ts';

export interface AppendedMessage {
  id: number;
  /** The parsed message with its whole header block; its text may be cut to its beginning. */
  message: ParsedMessage;
  tokens: string[];
}

type Row = (string | number | null)[];

const bool = (v: boolean): number => (v ? 1 : 0);

function delaySeconds(newer: string | null, older: string | null): number | null {
  if (!newer || !older) return null;
  return (Date.parse(newer) - Date.parse(older)) / 1000;
}

function messageRow(id: number, m: ParsedMessage): Row {
  return [
    id, m.path, m.guid, null, null, null, null, 0, null, null, null, m.date, m.received[0]?.time ?? null, m.from?.address ?? null,
    m.from?.name ?? null, m.to.map((a) => a.address).join(', '), m.cc.map((a) => a.address).join(', '), m.subject, m.size, null,
    m.md5, m.sha256, m.attachments.length, bool(m.hasHtml), m.messageId, m.inReplyTo, null, m.spam.score, m.parseError,
    m.defects.join('; '), '', null, m.text.slice(0, BODY_PREVIEW_CHARS), JSON.stringify(m.headers.map((h) => [h.name, h.value])),
  ];
}

function prepared(db: Database, sql: string) {
  const stmt = db.prepare(sql);
  return { run: (row: Row) => stmt.run(row as BindParams), free: () => stmt.free() };
}

export function appendMessages(db: Database, index: SearchIndex, batch: readonly AppendedMessage[]): void {
  const messages = prepared(db, `INSERT OR IGNORE INTO case_messages VALUES (${Array(34).fill('?').join(', ')})`);
  const received = prepared(db, 'INSERT INTO case_received VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const attachments = prepared(db, 'INSERT INTO case_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const iocs = prepared(db, 'INSERT INTO case_ioc_hits VALUES (?, ?, ?)');
  try {
    inTransaction(db, () => {
      for (const { id, message: m } of batch) {
        messages.run(messageRow(id, m));
        m.received.forEach((h, i) =>
          received.run([id, i, h.from, h.fromPtr, h.ip, h.by, h.with, h.time, delaySeconds(h.time, m.received[i + 1]?.time ?? null), h.raw]),
        );
        m.attachments.forEach((a, i) =>
          attachments.run([id, i, a.filename, a.contentType, a.size, a.sha256, a.detectedType, a.archiveEntries?.join('\n') ?? null, a.container ?? null, a.md5 ?? null, a.sha1 ?? null]),
        );
        for (const ioc of m.iocs ?? []) iocs.run([ioc.kind, ioc.value, id]);
      }
    });
  } finally {
    messages.free();
    received.free();
    attachments.free();
    iocs.free();
  }
  for (const { id, tokens } of batch) index.add(id, tokens);
}
