import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../src/lib/mail/searchTokens.ts';
import { messageSearchTokens } from '../../../src/lib/mail/searchTokens.ts';
import { createSearchIndex } from '../../../src/lib/store/searchIndex.ts';
import { message } from '../analyze/caseBuilder.ts';

describe('search tokens', () => {
  it('keeps words and the dotted or @-joined runs they form, lower-cased', () => {
    const tokens = messageSearchTokens(message('a.eml', {
      subject: 'Invoice FROM Mail.Example.COM',
      text: 'Relay via 192.0.2.7, write to Alice@Example.org — naïve café',
      headers: [{ name: 'Received', value: 'from mx.evil.example ([203.0.113.9])' }],
    }));
    for (const t of ['invoice', 'mail.example.com', 'mail', 'example', 'com', '192.0.2.7', 'alice@example.org', 'naïve', 'café', 'mx.evil.example', '203.0.113.9', 'received']) {
      expect(tokens).toContain(t);
    }
    expect(tokens).not.toContain('192.0.2.7,');
  });

  it('reduces a query as text is reduced', () => {
    expect(searchTerms('  "Alice@Example.org",  (invoice) ')).toEqual(['alice@example.org', 'invoice']);
    expect(searchTerms('!!! ---')).toEqual([]);
  });
});

describe('search index', () => {
  const index = createSearchIndex();
  index.add(1, ['invoice', 'alice@example.org', 'alice', 'example', 'org']);
  index.add(2, ['invoice', 'bob@example.net', 'bob', 'example', 'net']);
  index.add(3, ['holiday', '192.0.2.7']);
  const ids = (term: string) => [...index.termHits(term, 4).entries()].filter(([, hit]) => hit).map(([id]) => id);

  it('matches a term inside tokens, as a substring search of the words would', () => {
    expect(ids('voic')).toEqual([1, 2]);
    expect(ids('example')).toEqual([1, 2]);
    expect(ids('0.2.7')).toEqual([3]);
  });

  it('gives a bitset at least as long as asked and as the highest id needs', () => {
    expect(index.termHits('absent', 2)).toHaveLength(4);
    expect(index.termHits('absent', 10)).toHaveLength(10);
    expect(index.maxId).toBe(3);
  });

  it('counts what it holds', () => {
    expect(index.tokens).toBe(10);
    expect(index.postings).toBe(12);
    expect(index.bytes).toBeGreaterThan(0);
  });
});
