/**
 * The examiner's tags and notes on anything a view lists: messages (case_bookmarks, keyed by path, as since
 * schema 1), findings, log sessions, accounts and inventory rows (case_annotations), and the tag manager's
 * colours (case_tags). Tags are stored as one comma-separated list per item; rename and merge rewrite them.
 */
import type { Database } from 'sql.js';
import { ANNOTATION_KINDS, type AnnotatedItem, type AnnotationKind, type TagSummary } from '../model/annotation.ts';
import { inTransaction } from './inTransaction.ts';

/** A tag name: trimmed, inner whitespace collapsed; commas cannot be part of one (they separate tags). */
function normaliseTag(tag: string): string {
  return tag.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "a, b,,a , c" → ["a", "b", "c"]: trimmed, empty ones dropped, first occurrence kept. */
export function parseTags(text: string | null): string[] {
  const seen = new Set<string>();
  for (const part of (text ?? '').split(',')) {
    const tag = normaliseTag(part);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export const formatTags = (tags: string[]): string => parseTags(tags.join(',')).join(', ');

function assertKind(kind: string): asserts kind is AnnotationKind {
  if (!(ANNOTATION_KINDS as readonly string[]).includes(kind)) throw new Error(`Unknown annotation kind: ${kind}`);
}

function current(db: Database, item: AnnotatedItem): { tags: string; note: string } | null {
  const [sql, params] =
    item.kind === 'message'
      ? ['SELECT tags, note FROM case_bookmarks WHERE path = ?', [item.key]]
      : ['SELECT tags, note FROM case_annotations WHERE kind = ? AND key = ?', [item.kind, item.key]];
  const r = db.exec(sql, params)[0]?.values[0];
  return r ? { tags: String(r[0] ?? ''), note: String(r[1] ?? '') } : null;
}

/**
 * Bookmarks an item with these tags and note (replacing what it had).
 * @throws Error on an unknown kind.
 */
export function setAnnotation(db: Database, item: AnnotatedItem, tags: string, note: string, nowIso: string): void {
  assertKind(item.kind);
  const list = formatTags(parseTags(tags));
  if (item.kind === 'message') db.run('INSERT OR REPLACE INTO case_bookmarks VALUES (?, ?, ?, ?)', [item.key, list, note, nowIso]);
  else db.run('INSERT OR REPLACE INTO case_annotations VALUES (?, ?, ?, ?, ?)', [item.kind, item.key, list, note, nowIso]);
}

/** @throws Error on an unknown kind. */
export function removeAnnotation(db: Database, item: AnnotatedItem): void {
  assertKind(item.kind);
  if (item.kind === 'message') db.run('DELETE FROM case_bookmarks WHERE path = ?', [item.key]);
  else db.run('DELETE FROM case_annotations WHERE kind = ? AND key = ?', [item.kind, item.key]);
}

/** Adds one tag to many items at once (bookmarking those that were not), keeping their notes and other tags. */
export function tagItems(db: Database, items: AnnotatedItem[], tag: string, nowIso: string): void {
  const name = normaliseTag(tag);
  if (!name) return;
  inTransaction(db, () => {
    for (const item of items) {
      const was = current(db, item);
      setAnnotation(db, item, formatTags([...parseTags(was?.tags ?? ''), name]), was?.note ?? '', nowIso);
    }
  });
}

/** Bookmarks many items at once; those already bookmarked keep their tags and notes as they are. */
export function bookmarkItems(db: Database, items: AnnotatedItem[], nowIso: string): void {
  inTransaction(db, () => {
    for (const item of items) if (current(db, item) === null) setAnnotation(db, item, '', '', nowIso);
  });
}

/**
 * Renames a tag everywhere; renaming onto an existing tag merges the two (items carry it once, and the
 * target keeps its colour, or takes the old one's when it had none).
 */
export function renameTag(db: Database, from: string, to: string): void {
  const old = normaliseTag(from);
  const next = normaliseTag(to);
  if (!old || !next || old === next) return;
  const rewrite = (tags: string) => formatTags(parseTags(tags).map((t) => (t === old ? next : t)));
  inTransaction(db, () => {
    for (const [table, keyCols] of [['case_bookmarks', ['path']], ['case_annotations', ['kind', 'key']]] as const) {
      const rows = db.exec(`SELECT ${keyCols.join(', ')}, tags FROM ${table}`)[0]?.values ?? [];
      for (const row of rows) {
        const tags = String(row[keyCols.length] ?? '');
        if (!parseTags(tags).includes(old)) continue;
        const where = keyCols.map((c) => `${c} = ?`).join(' AND ');
        db.run(`UPDATE ${table} SET tags = ? WHERE ${where}`, [rewrite(tags), ...row.slice(0, keyCols.length)]);
      }
    }
    const colour = db.exec('SELECT colour FROM case_tags WHERE name = ?', [old])[0]?.values[0]?.[0] ?? null;
    db.run('DELETE FROM case_tags WHERE name = ?', [old]);
    if (colour !== null) db.run('INSERT INTO case_tags VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET colour = coalesce(case_tags.colour, excluded.colour)', [next, colour]);
  });
}

/** A CSS hex colour (#rgb or #rrggbb) for a tag, or null to clear it. @throws Error on anything else. */
export function setTagColour(db: Database, tag: string, colour: string | null): void {
  const name = normaliseTag(tag);
  if (!name) return;
  if (colour !== null && !/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) throw new Error(`Not a colour: ${colour}`);
  db.run('INSERT INTO case_tags VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET colour = excluded.colour', [name, colour]);
}

/** Every tag in use or given a colour, with how many items carry it, by name. */
export function listTags(db: Database): TagSummary[] {
  const counts = new Map<string, number>();
  for (const sql of ['SELECT tags FROM case_bookmarks', 'SELECT tags FROM case_annotations']) {
    for (const row of db.exec(sql)[0]?.values ?? []) for (const t of parseTags(String(row[0] ?? ''))) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const colours = new Map((db.exec('SELECT name, colour FROM case_tags')[0]?.values ?? []).map((r) => [String(r[0]), r[1] === null ? null : String(r[1])]));
  const names = new Set([...counts.keys(), ...colours.keys()]);
  // localeCompare, not compareStrings: the examiner picks tags from this list, so it follows their alphabet.
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, colour: colours.get(name) ?? null, count: counts.get(name) ?? 0 }));
}
