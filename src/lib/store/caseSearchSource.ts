/**
 * The case database and its index as a SearchSource (evaluateSearch.ts): the stored text of each scope is
 * read row by row, one message at a time, so a regex over 100k messages holds one message's text, plus the
 * attachment or indicator text of the scope when the scope needs it.
 */
import type { Database } from 'sql.js';
import { BODY_PREVIEW_CHARS } from './bodyPreviewChars.ts';
import type { SearchSource } from '../search/evaluateSearch.ts';
import type { SearchScope } from '../search/parseSearchQuery.ts';
import type { SearchIndex } from './searchIndex.ts';

/** Stored text checked per field: a huge header block must not make one regex test run for minutes. */
const MAX_VERIFIED_CHARS = 256 * 1024;

type Row = (string | number | null)[];

function* rows(db: Database, sql: string, params: (string | number)[] = []): Generator<Row> {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    while (stmt.step()) yield stmt.get() as Row;
  } finally {
    stmt.free();
  }
}

function idsJson(bits: Uint8Array): string {
  const ids: number[] = [];
  for (let i = 0; i < bits.length; i++) if (bits[i]) ids.push(i);
  return JSON.stringify(ids);
}

function headerText(json: unknown): string {
  if (typeof json !== 'string' || !json) return '';
  try {
    return (JSON.parse(json) as [string, string][]).map(([n, v]) => `${n}: ${v}`).join('\n');
  } catch {
    return '';
  }
}

/** Text by message id from a (message_id, text) query, joined by line breaks. */
function grouped(db: Database, sql: string, params: (string | number)[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, text] of rows(db, sql, params)) {
    const key = Number(id);
    const prev = out.get(key);
    out.set(key, prev === undefined ? String(text ?? '') : `${prev}\n${text ?? ''}`);
  }
  return out;
}

/**
 * Indicator values by message: by id while a run still holds case_ioc_hits, by path once they are folded
 * into case_iocs (one row per value with the paths of its messages, one per line).
 */
function indicatorText(db: Database): Map<number | string, string> {
  const out = new Map<number | string, string>();
  const add = (key: number | string, value: string) => out.set(key, out.has(key) ? `${out.get(key)}\n${value}` : value);
  for (const [id, value] of rows(db, 'SELECT message_id, value FROM case_ioc_hits')) add(Number(id), String(value ?? ''));
  for (const [value, paths] of rows(db, 'SELECT value, messages FROM case_iocs')) {
    for (const path of String(paths ?? '').split('\n')) if (path) add(path, String(value ?? ''));
  }
  return out;
}

const ATTACHMENT_TEXT = "filename || ' ' || coalesce(content_type, '') || ' ' || coalesce(detected_type, '') || ' ' || coalesce(archive_entries, '')";

export function createCaseSearchSource(db: Database, index: SearchIndex): SearchSource {
  const maxDbId = Number(db.exec('SELECT coalesce(max(id), 0) FROM case_messages')[0]?.values[0]?.[0] ?? 0);
  const size = Math.max(maxDbId, index.maxId) + 1;
  const filter = (candidates: Uint8Array | null, column: string) =>
    candidates ? { where: ` WHERE ${column} IN (SELECT value FROM json_each(?))`, params: [idsJson(candidates)] } : { where: '', params: [] };

  return {
    size,
    universe() {
      const bits = new Uint8Array(size);
      for (const [id] of rows(db, 'SELECT id FROM case_messages')) bits[Number(id)] = 1;
      return bits;
    },
    termHits: (term) => index.termHits(term, size),
    forEachStored(candidates, scope: SearchScope, visit) {
      const wants = (s: SearchScope) => scope === 'all' || scope === s;
      const m = filter(candidates, 'id');
      const a = filter(candidates, 'message_id');
      const attachments = wants('attachments') ? grouped(db, `SELECT message_id, ${ATTACHMENT_TEXT} FROM case_attachments${a.where}`, a.params) : null;
      const iocs = wants('iocs') ? indicatorText(db) : null;
      for (const [id, path, subject, from, fromName, to, cc, preview, headers] of rows(
        db,
        `SELECT id, path, subject, from_addr, from_name, to_addrs, cc_addrs, body_preview, headers_json FROM case_messages${m.where}`,
        m.params,
      )) {
        const parts: string[] = [];
        if (scope === 'all') parts.push(String(path ?? ''));
        if (wants('subject')) parts.push(String(subject ?? ''));
        if (wants('addresses')) parts.push(`${fromName ?? ''} ${from ?? ''}`, String(to ?? ''), String(cc ?? ''));
        if (wants('headers')) parts.push(headerText(headers));
        if (attachments) parts.push(attachments.get(Number(id)) ?? '');
        if (iocs) parts.push(iocs.get(Number(id)) ?? iocs.get(String(path)) ?? '');
        const body = String(preview ?? '');
        if (wants('body')) parts.push(body);
        const text = parts.join('\n');
        const complete = !wants('body') || body.length < BODY_PREVIEW_CHARS;
        visit(Number(id), text.length > MAX_VERIFIED_CHARS ? text.slice(0, MAX_VERIFIED_CHARS) : text, complete && text.length <= MAX_VERIFIED_CHARS);
      }
    },
  };
}
