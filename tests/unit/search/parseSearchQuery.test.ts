import { describe, expect, it } from 'vitest';
import { parseSearchQuery, type SearchNode } from '../../../src/lib/search/parseSearchQuery.ts';

const term = (t: string, scope = 'all'): SearchNode => ({ kind: 'term', term: t, scope } as SearchNode);

const cases: { name: string; input: string; expected: SearchNode | null }[] = [
  { name: 'words are all needed', input: 'Invoice  alice@Example.org', expected: { kind: 'and', items: [term('invoice'), term('alice@example.org')] } },
  { name: 'explicit AND is the same', input: 'a AND b', expected: { kind: 'and', items: [term('a'), term('b')] } },
  { name: 'OR binds looser than AND', input: 'a b OR c', expected: { kind: 'or', items: [{ kind: 'and', items: [term('a'), term('b')] }, term('c')] } },
  { name: 'parentheses group', input: 'a (b OR c)', expected: { kind: 'and', items: [term('a'), { kind: 'or', items: [term('b'), term('c')] }] } },
  { name: 'NOT and a leading minus', input: 'a NOT b -c', expected: { kind: 'and', items: [term('a'), { kind: 'not', item: term('b') }, { kind: 'not', item: term('c') }] } },
  { name: 'lower-case operators are words', input: 'salt and pepper', expected: { kind: 'and', items: [term('salt'), term('and'), term('pepper')] } },
  { name: 'a phrase keeps its words in order', input: '"Wire  the\tMoney"', expected: { kind: 'phrase', phrase: 'wire the money', words: ['wire', 'the', 'money'], scope: 'all' } },
  { name: 'a one-word phrase is a word', input: '"invoice"', expected: term('invoice') },
  { name: 'a regex with flags', input: '/inv[o0]ice\\/\\d+/i', expected: { kind: 'regex', source: 'inv[o0]ice\\/\\d+', flags: 'i', scope: 'all' } },
  { name: 'a slash inside a class does not end the regex', input: '/[/]x/', expected: { kind: 'regex', source: '[/]x', flags: '', scope: 'all' } },
  { name: 'scopes on words, phrases and regexes', input: 'subject:urgent header:"by mx" body:/x+/', expected: { kind: 'and', items: [
    term('urgent', 'subject'), { kind: 'phrase', phrase: 'by mx', words: ['by', 'mx'], scope: 'headers' }, { kind: 'regex', source: 'x+', flags: '', scope: 'body' }] } },
  { name: 'an unknown prefix is part of the word', input: 'foo:bar', expected: term('foo:bar') },
  { name: 'punctuation only is nothing', input: ' !!! --- ', expected: null },
  { name: 'unsearchable pieces drop out of a list', input: 'a OR !!!', expected: term('a') },
];

describe('parseSearchQuery', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(parseSearchQuery(c.input)).toEqual({ ok: true, node: c.expected });
    });
  }

  const errors: { input: string; error: RegExp; position: number }[] = [
    { input: 'a "open phrase', error: /quoted phrase is not closed/, position: 2 },
    { input: '(a OR b', error: /parenthesis is not closed/, position: 0 },
    { input: 'a OR b)', error: /closing parenthesis without/, position: 6 },
    { input: 'a OR', error: /OR needs something on its right/, position: 2 },
    { input: 'AND a', error: /AND needs something on its left/, position: 0 },
    { input: 'a NOT', error: /NOT needs something/, position: 2 },
    { input: '()', error: /Empty parentheses/, position: 0 },
    { input: '/a(/', error: /Not a valid regular expression/, position: 0 },
    { input: '/a/g', error: /flags may be i, m, s and u/, position: 3 },
    { input: '/abc', error: /not closed with \//, position: 0 },
    { input: '('.repeat(40) + 'a' + ')'.repeat(40), error: /nested deeper/, position: 32 },
  ];
  for (const e of errors) {
    it(`refuses ${JSON.stringify(e.input.slice(0, 20))} with a position`, () => {
      const parsed = parseSearchQuery(e.input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatch(e.error);
        expect(parsed.position).toBe(e.position);
      }
    });
  }

  it('refuses a query longer than the limit', () => {
    expect(parseSearchQuery('a '.repeat(3000)).ok).toBe(false);
  });
});
