// MessageTable and PagedRows with a mocked TriageClient: paging asks only for the visible window, user
// input reaches SQL only as bound parameters, and answers to an older run or filter are dropped.
import { describe, expect, it, vi } from 'vitest';
import type { QueryResult } from '../../src/lib/model/analysisResult.ts';
import { messageWhere } from '../../src/lib/store/queries/messageQueries.ts';
import { EMPTY_MESSAGE_FILTER, messageFilterFromNavigation } from '../../src/ui/queries/messages.ts';
import { PAGE_SIZE, PagedRows } from '../../src/ui/state/pagedRows.svelte.ts';
import { MessageTable } from '../../src/ui/state/messageTable.svelte.ts';
import { deferred, mockClient, type QueryCall, type QueryParams } from './mockClient.ts';

/** A case of `total` messages; every query is recorded and answered from the numbers alone. */
function fakeCase(total: number) {
  const calls: QueryCall[] = [];
  const query = vi.fn(async (sql: string, params: QueryParams = []): Promise<QueryResult> => {
    calls.push({ sql, params });
    if (sql.startsWith('SELECT COUNT(*)')) return { columns: ['n'], rows: [[total]] };
    if (sql.includes('LIMIT ? OFFSET ?')) {
      const [limit, offset] = params.slice(-2) as number[];
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => row(offset + i));
      return { columns: [], rows };
    }
    return { columns: ['v'], rows: [] };
  });
  const searchMessages = vi.fn(async () => total);
  return { calls, client: mockClient({ query, searchMessages }) };
}

function row(i: number): (string | number | null)[] {
  return [i + 1, `Data/x.example/a/${i}.eml`, '2024-01-01T00:00:00.000Z', 'a@x.example', 'A', 'b@y.example', `s${i}`, 'a@x.example', 'INBOX', 100, 0, 'spf-fail,lookalike-domain', 'high', 0];
}

const pageCalls = (calls: QueryCall[]) => calls.filter((c) => c.sql.includes('LIMIT ? OFFSET ?'));
const offsets = (calls: QueryCall[]) => pageCalls(calls).map((c) => c.params.at(-1));

describe('PagedRows', () => {
  it('counts first and then fetches only the pages under the window', async () => {
    const rows = new PagedRows<number>();
    const page = vi.fn(async (offset: number, limit: number) => Array.from({ length: limit }, (_, i) => offset + i));
    await rows.reset({ count: async () => 100_000, page });
    expect(rows.total).toBe(100_000);
    expect(page.mock.calls).toEqual([[0, PAGE_SIZE]]);
    await rows.ensure(50_010, 50_040);
    expect(page.mock.calls.at(-1)).toEqual([50_000, PAGE_SIZE]);
    expect(page).toHaveBeenCalledTimes(2);
    expect(rows.rowAt(50_020)).toBe(50_020);
    expect(rows.rowAt(10_000)).toBeUndefined();
  });

  it('does not ask twice for a page that is on its way', async () => {
    const rows = new PagedRows<number>();
    const gate = deferred<number[]>();
    const page = vi.fn(() => gate.promise);
    const reset = rows.reset({ count: async () => 1000, page });
    await Promise.resolve();
    await Promise.resolve();
    void rows.ensure(0, 50);
    void rows.ensure(10, 60);
    gate.resolve([1, 2, 3]);
    await reset;
    expect(page).toHaveBeenCalledTimes(1);
  });

  it('fetches the window that rendering asked for via rowAt', async () => {
    const rows = new PagedRows<number>();
    const page = vi.fn(async (offset: number, limit: number) => Array.from({ length: limit }, (_, i) => offset + i));
    await rows.reset({ count: async () => 10_000, page });
    for (let i = 7_010; i < 7_060; i++) rows.rowAt(i);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.mock.calls.map((c) => c[0])).toEqual([0, 7_000]);
  });

  it('drops pages far from a window it has moved away from', async () => {
    const rows = new PagedRows<number>();
    await rows.reset({ count: async () => 1_000_000, page: async (o, l) => Array.from({ length: l }, (_, i) => o + i) });
    await rows.ensure(900_000, 900_030);
    expect(rows.loadedPages).toEqual([9_000]);
  });

  it('drops the answer of an older reset', async () => {
    const rows = new PagedRows<string>();
    const oldCount = deferred<number>();
    const first = rows.reset({ count: () => oldCount.promise, page: async () => ['old'] });
    const second = rows.reset({ count: async () => 5, page: async () => ['new'] });
    oldCount.resolve(99);
    await Promise.all([first, second]);
    expect(rows.total).toBe(5);
    expect(rows.rowAt(0)).toBe('new');
  });
});

describe('MessageTable', () => {
  it('pages 100,000 messages by window: never more than the visible pages', async () => {
    const { calls, client } = fakeCase(100_000);
    const table = new MessageTable(client);
    await table.open(1);
    expect(table.rows.total).toBe(100_000);
    expect(offsets(calls)).toEqual([0]);
    await table.rows.ensure(40_000, 40_150);
    expect(offsets(calls)).toEqual([0, 40_000, 40_100]);
    expect(pageCalls(calls).every((c) => c.params.at(-2) === PAGE_SIZE)).toBe(true);
    expect(table.rows.rowAt(40_001)?.subject).toBe('s40001');
    expect(table.rows.rowAt(40_001)?.indicators).toEqual(['spf-fail', 'lookalike-domain']);
  });

  it('binds every filter value as a parameter, never as SQL text', async () => {
    const { calls, client } = fakeCase(3);
    const table = new MessageTable(client);
    await table.open(1);
    const evil = "x' OR 1=1; DROP TABLE case_messages; --";
    table.setFilter({ search: `100%_${evil}`, account: evil, folder: evil, indicator: evil, dateFrom: '2024-01-01', dateTo: '2024-01-31', hasAttachments: true, bookmarked: true });
    await vi.waitFor(() => expect(table.rows.total).toBe(3));
    const last = calls.filter((c) => c.sql.startsWith('SELECT COUNT(*)')).at(-1)!;
    expect(last.sql).not.toContain(evil);
    expect(last.sql).not.toContain('DROP');
    expect(last.params).toContain(evil);
    // The search text reaches SQL only as the key of its hits in search_hits, bound like every other value.
    expect(last.sql).toContain('search_hits WHERE query = ?');
    expect(last.params).toContain(`100%_${evil}`);
    expect(client.searchMessages).toHaveBeenCalledWith(`100%_${evil}`);
    expect(last.params).toContain('2024-01-01T00:00:00.000Z');
    expect(last.params).toContain('2024-02-01T00:00:00.000Z');
    expect(last.sql).toContain('m.attachment_count > 0');
    expect(last.sql).toContain('case_bookmarks');
  });

  it('sorts only by whitelisted columns', async () => {
    const { calls, client } = fakeCase(3);
    const table = new MessageTable(client);
    await table.open(1);
    table.setSort('size', 'asc');
    table.setSort('m.size; DROP TABLE x', 'desc');
    await vi.waitFor(() => expect(pageCalls(calls).length).toBe(2));
    expect(pageCalls(calls).at(-1)!.sql).toContain('ORDER BY m.size ASC');
    expect(calls.some((c) => c.sql.includes('DROP'))).toBe(false);
  });

  it('drops the answers of an older run', async () => {
    const gate = deferred<QueryResult>();
    const calls: QueryCall[] = [];
    const query = vi.fn((sql: string, params: QueryParams = []) => {
      calls.push({ sql, params });
      const run = calls.filter((c) => c.sql.startsWith('SELECT COUNT(*)')).length;
      if (sql.startsWith('SELECT COUNT(*)')) return run === 1 ? gate.promise : Promise.resolve({ columns: [], rows: [[7]] });
      return Promise.resolve({ columns: [], rows: [] });
    });
    const table = new MessageTable(mockClient({ query }));
    const first = table.open(1);
    const second = table.open(2);
    gate.resolve({ columns: [], rows: [[12_345]] });
    await Promise.all([first, second]);
    expect(table.runId).toBe(2);
    expect(table.rows.total).toBe(7);
  });

  it('takes the filter another tab sends, replacing the previous one', () => {
    const f = messageFilterFromNavigation({ indicator: 'spf-fail', paths: ['a.eml', 'b.eml'] });
    expect(f).toEqual({ ...EMPTY_MESSAGE_FILTER, indicator: 'spf-fail', paths: ['a.eml', 'b.eml'] });
    const where = messageWhere(f);
    expect(where.sql).toContain('json_each(?)');
    expect(where.params).toEqual(['%,spf-fail,%', 'spf-fail', '["a.eml","b.eml"]']);
  });
});
