// LogSessions with a mocked TriageClient: sessions are paged by window with filters bound as parameters,
// a transcript is read for exactly the session's lines, and stale answers are dropped.
import { describe, expect, it, vi } from 'vitest';
import type { QueryResult } from '../../src/lib/model/analysisResult.ts';
import { TRANSCRIPT_MAX_LINES, LogSessions } from '../../src/ui/state/logSessions.svelte.ts';
import { deferred, mockClient, type QueryCall, type QueryParams } from './mockClient.ts';

const session = (key: string, first: number, last: number): (string | number | null)[] =>
  [key, 'Logs/hmailserver_2024-03-01.log', 'SMTPD', 7, '203.0.113.9', '2024-03-01 10:00:00.000', '2024-03-01 10:00:05.000', 'x', 'bob@x.example', 'failed', null, '', '', 0, 12, first, last];

function fakeCase(total = 5_000) {
  const calls: QueryCall[] = [];
  const logTranscript = vi.fn(async (_f: string, first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => `line ${first + i}`));
  const query = vi.fn(async (sql: string, params: QueryParams = []): Promise<QueryResult> => {
    calls.push({ sql, params });
    if (sql.startsWith('SELECT COUNT(*) FROM case_log_sessions')) return { columns: [], rows: [[total]] };
    if (sql.includes('WHERE key = ?')) return { columns: [], rows: [session(String(params[0]), 100, 130)] };
    if (sql.includes('LIMIT ? OFFSET ?')) {
      const [limit, offset] = params.slice(-2) as number[];
      return { columns: [], rows: Array.from({ length: Math.min(limit, total - offset) }, (_, i) => session(`k${offset + i}`, 1, 2)) };
    }
    if (sql.includes("kind = 'logon-failed'")) return { columns: ['ip', 'failures'], rows: [['203.0.113.9', 500]] };
    if (sql.startsWith('SELECT COUNT(*) FROM case_log_unparsed')) return { columns: [], rows: [[3]] };
    return { columns: [], rows: [] };
  });
  return { calls, logTranscript, query, client: mockClient({ query, logTranscript }) };
}

const pages = (calls: QueryCall[]) => calls.filter((c) => c.sql.includes('LIMIT ? OFFSET ?'));

describe('LogSessions', () => {
  it('loads the summaries and only the first page of sessions', async () => {
    const { calls, client } = fakeCase();
    const logs = new LogSessions(client);
    await logs.open(1);
    expect(logs.rows.total).toBe(5_000);
    expect(pages(calls).map((c) => c.params.slice(-2))).toEqual([[100, 0]]);
    expect(logs.topIps[0]).toEqual({ ip: '203.0.113.9', failures: 500 });
    expect(logs.unparsedCount).toBe(3);
    await logs.rows.ensure(4_950, 4_999);
    expect(pages(calls).map((c) => c.params.at(-1))).toEqual([0, 4_900]);
  });

  it('binds the filters as parameters', async () => {
    const { calls, client } = fakeCase();
    const logs = new LogSessions(client);
    await logs.open(1);
    await logs.setFilter({ ip: '10.0.%', account: "o'brien_", protocol: 'IMAPD', result: 'failed' });
    const last = pages(calls).at(-1)!;
    expect(last.sql).not.toContain("o'brien");
    expect(last.sql).toContain('ip = ?');
    expect(last.params.slice(0, 4)).toEqual(['10.0.%', "%o'brien\\_%", 'IMAPD', 'failed']);
    await logs.setFilter({ ip: '10_0.' });
    expect(pages(calls).at(-1)!.params[0]).toBe('10\\_0.%');
    await logs.setFilter({ result: 'none' });
    expect(pages(calls).at(-1)!.sql).toContain('auth_result IS NULL');
  });

  it("reads the transcript of exactly the session's lines", async () => {
    const { client, logTranscript } = fakeCase();
    const logs = new LogSessions(client);
    await logs.open(1);
    await logs.select('Logs/hmailserver_2024-03-01.log|SMTPD|7');
    expect(logTranscript).toHaveBeenCalledWith('Logs/hmailserver_2024-03-01.log', 100, 130, 7);
    expect(logs.transcript).toHaveLength(31);
    expect(logs.transcript?.[0]).toBe('line 100');
  });

  it('keeps only the transcript of the last selected session', async () => {
    const { query } = fakeCase();
    const slow = deferred<string[]>();
    const logTranscript = vi.fn((_f: string, first: number) => (first === 100 && logTranscript.mock.calls.length === 1 ? slow.promise : Promise.resolve(['second'])));
    const logs = new LogSessions(mockClient({ query, logTranscript }));
    await logs.open(1);
    const a = logs.select('a');
    await vi.waitFor(() => expect(logTranscript).toHaveBeenCalledTimes(1));
    const b = logs.select('b');
    await b;
    slow.resolve(['first']);
    await a;
    expect(logs.transcript).toEqual(['second']);
  });

  it('cuts a huge transcript and says how much is left out', async () => {
    const { query } = fakeCase();
    const logTranscript = vi.fn(async () => Array.from({ length: TRANSCRIPT_MAX_LINES + 5 }, () => 'x'));
    const logs = new LogSessions(mockClient({ query, logTranscript }));
    await logs.open(1);
    await logs.select('k');
    expect(logs.transcript).toHaveLength(TRANSCRIPT_MAX_LINES);
    expect(logs.transcriptCut).toBe(5);
  });

  it('drops the counts of an older run', async () => {
    const fake = fakeCase();
    const held = deferred<QueryResult>();
    let counts = 0;
    const query = vi.fn((sql: string, params?: QueryParams) => {
      if (sql.startsWith('SELECT COUNT(*) FROM case_log_sessions') && ++counts === 1) return held.promise;
      return fake.query(sql, params);
    });
    const logs = new LogSessions(mockClient({ query }));
    const a = logs.open(1);
    await logs.open(2);
    held.resolve({ columns: [], rows: [[1]] });
    await a;
    expect(logs.rows.total).toBe(5_000);
  });
});
