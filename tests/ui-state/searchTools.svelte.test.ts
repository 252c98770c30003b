// SearchTools with a mocked TriageClient: the newest search's outcome wins, keyword hits per message are
// read with a bound limit, and a hash set change re-reads the sets and tells the findings' owner.
import { describe, expect, it, vi } from 'vitest';
import { KEYWORD_MESSAGES_SHOWN, SearchTools } from '../../src/ui/state/searchTools.svelte.ts';
import { deferred, mockClient } from './mockClient.ts';
import type { SearchOutcome } from '../../src/lib/store/searchHits.ts';

describe('SearchTools', () => {
  it('keeps the outcome of the newest query when answers arrive out of order', async () => {
    const slow = deferred<SearchOutcome | null>();
    const client = mockClient({
      searchOutcome: vi.fn((q: string) => (q === 'old' ? slow.promise : Promise.resolve({ count: 2, unverified: 1 }))),
    });
    const tools = new SearchTools(client);
    const old = tools.describe('old');
    await tools.describe('new');
    slow.resolve({ count: 9, unverified: 0 });
    await old;
    expect(tools.outcome).toEqual({ count: 2, unverified: 1 });
    await tools.describe('  ');
    expect(tools.outcome).toBeNull();
  });

  it('runs a keyword list and reads its messages with a bound limit', async () => {
    const query = vi.fn(async () => ({ columns: ['path', 'subject', 'terms'], rows: [['a.eml', 'Hi', 'x · y']] }));
    const client = mockClient({ query, runKeywordList: vi.fn(async () => ({ terms: [{ term: 'x', messages: 1, unverified: 0 }], dropped: 2 })) });
    const tools = new SearchTools(client);
    await tools.runKeywords('x\ny');
    expect(client.runKeywordList).toHaveBeenCalledWith('x\ny');
    expect(tools.keywordTerms).toEqual([{ term: 'x', messages: 1, unverified: 0 }]);
    expect(tools.keywordsDropped).toBe(2);
    expect(tools.keywordMessages).toEqual([{ path: 'a.eml', subject: 'Hi', terms: 'x · y' }]);
    expect(query).toHaveBeenCalledWith(expect.stringContaining('temp.keyword_hits'), [KEYWORD_MESSAGES_SHOWN]);
    expect(tools.busy).toBe(false);
  });

  it('re-reads the hash sets and tells the findings owner after loading or removing one', async () => {
    const onFindings = vi.fn();
    const summary = { name: 'bad.txt', verdict: 'bad' as const, format: 'plain' as const, hashes: 3, skipped: 0, hits: 1 };
    const client = mockClient({
      loadHashSet: vi.fn(async () => summary),
      query: vi.fn(async (sql: string) => (sql.includes('case_hash_sets')
        ? { columns: ['name', 'verdict', 'format', 'hashes', 'hits'], rows: [['bad.txt', 'bad', 'plain', 3, 1]] }
        : { columns: [], rows: [] })),
    });
    const tools = new SearchTools(client, onFindings);
    const file = new File(['x'], 'bad.txt');
    await tools.loadHashSet(file, 'bad');
    expect(client.loadHashSet).toHaveBeenCalledWith('bad.txt', 'bad', file);
    expect(tools.lastHashSet).toEqual(summary);
    expect(tools.hashSets).toEqual([{ name: 'bad.txt', verdict: 'bad', format: 'plain', hashes: 3, hits: 1 }]);
    await tools.removeHashSet('bad.txt');
    expect(tools.lastHashSet).toBeNull();
    expect(onFindings).toHaveBeenCalledTimes(2);
  });
});
