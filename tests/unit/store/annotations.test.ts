import initSqlJs, { type Database } from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookmarkItems, listTags, parseTags, removeAnnotation, renameTag, setAnnotation, setTagColour, tagItems } from '../../../src/lib/store/annotations.ts';
import { CASE_SCHEMA } from '../../../src/lib/store/caseSchema.ts';

const NOW = '2026-01-02T03:04:05.000Z';
let db: Database;

beforeEach(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database();
  db.exec(CASE_SCHEMA);
});

const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];

describe('parseTags', () => {
  it('trims, drops empties and duplicates, keeps the first order', () => expect(parseTags(' b, a,,b ,  c  d ')).toEqual(['b', 'a', 'c d']));
  it('reads null as no tags', () => expect(parseTags(null)).toEqual([]));
});

describe('annotations', () => {
  it('stores messages as bookmarks and everything else as annotations, tags normalised', () => {
    setAnnotation(db, { kind: 'message', key: 'a.eml' }, 'x,  y,x', 'n1', NOW);
    setAnnotation(db, { kind: 'finding', key: '7' }, 'y', 'n2', NOW);
    setAnnotation(db, { kind: 'inventory', key: 'logs/x.log' }, '', '', NOW);
    expect(rows('SELECT path, tags, note, created_utc FROM case_bookmarks')).toEqual([['a.eml', 'x, y', 'n1', NOW]]);
    expect(rows('SELECT kind, key, tags, note FROM case_annotations ORDER BY kind')).toEqual([['finding', '7', 'y', 'n2'], ['inventory', 'logs/x.log', '', '']]);
    removeAnnotation(db, { kind: 'finding', key: '7' });
    removeAnnotation(db, { kind: 'message', key: 'a.eml' });
    expect(rows('SELECT count(*) FROM case_bookmarks')).toEqual([[0]]);
    expect(rows('SELECT kind FROM case_annotations')).toEqual([['inventory']]);
  });

  it('rejects an unknown kind', () => {
    expect(() => setAnnotation(db, { kind: 'bogus' as 'finding', key: '1' }, '', '', NOW)).toThrow('Unknown annotation kind: bogus');
  });

  it('bulk-tags items, keeping their notes and other tags', () => {
    setAnnotation(db, { kind: 'account', key: 'bob@x.example' }, 'vip', 'keep me', NOW);
    tagItems(db, [{ kind: 'account', key: 'bob@x.example' }, { kind: 'log-session', key: 's1' }, { kind: 'message', key: 'm.eml' }], ' phish ', NOW);
    expect(rows("SELECT tags, note FROM case_annotations WHERE kind = 'account'")).toEqual([['vip, phish', 'keep me']]);
    expect(rows("SELECT tags FROM case_annotations WHERE kind = 'log-session'")).toEqual([['phish']]);
    expect(rows('SELECT tags FROM case_bookmarks')).toEqual([['phish']]);
  });

  it('bulk-bookmarks items, leaving those already bookmarked as they were', () => {
    setAnnotation(db, { kind: 'finding', key: '3' }, 'phish', 'seen', '2025-01-01T00:00:00.000Z');
    bookmarkItems(db, [{ kind: 'finding', key: '3' }, { kind: 'account', key: 'bob@x.example' }, { kind: 'message', key: 'm.eml' }], NOW);
    expect(rows('SELECT kind, key, tags, note, created_utc FROM case_annotations ORDER BY kind')).toEqual([
      ['account', 'bob@x.example', '', '', NOW],
      ['finding', '3', 'phish', 'seen', '2025-01-01T00:00:00.000Z'],
    ]);
    expect(rows('SELECT path, tags FROM case_bookmarks')).toEqual([['m.eml', '']]);
  });

  it('renames a tag everywhere and merges onto an existing one, keeping the target colour', () => {
    setAnnotation(db, { kind: 'message', key: 'a.eml' }, 'old, keep', '', NOW);
    setAnnotation(db, { kind: 'finding', key: '1' }, 'old, new', '', NOW);
    setTagColour(db, 'old', '#ff0000');
    setTagColour(db, 'new', '#00ff00');
    renameTag(db, 'old', 'new');
    expect(rows('SELECT tags FROM case_bookmarks')).toEqual([['new, keep']]);
    expect(rows('SELECT tags FROM case_annotations')).toEqual([['new']]);
    expect(listTags(db)).toEqual([
      { name: 'keep', colour: null, count: 1 },
      { name: 'new', colour: '#00ff00', count: 2 },
    ]);
  });

  it('a renamed tag takes its colour along when the target had none', () => {
    setAnnotation(db, { kind: 'finding', key: '1' }, 'a', '', NOW);
    setTagColour(db, 'a', '#123');
    renameTag(db, 'a', 'b');
    expect(listTags(db)).toEqual([{ name: 'b', colour: '#123', count: 1 }]);
  });

  it('refuses a colour that is not a hex colour (it lands in a style attribute)', () => {
    expect(() => setTagColour(db, 'a', 'red; background:url(x)')).toThrow('Not a colour');
  });
});
