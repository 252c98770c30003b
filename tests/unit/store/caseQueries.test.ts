/**
 * Named queries across the caseDb boundary: the service builds a name's SQL from plain arguments (and, for
 * hMailServer's tables, the hm_* columns the database has) and runs it read-only, refuses a name the registry
 * does not list, and takes no raw SQL but the console's.
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseDbService, type CaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { caseQuery, type QueryName } from '../../../src/lib/store/queries/caseQueries.ts';
import { HmColumns } from '../../../src/lib/store/queries/hmColumns.ts';
import { EMPTY_MESSAGE_FILTER } from '../../../src/ui/queries/messages.ts';

let caseDb: CaseDbService;

beforeAll(async () => {
  caseDb = createCaseDbService(await initSqlJs(), 'test');
  await caseDb.reset();
  await caseDb.setBookmark('b.eml', 'x', '', '2024-06-01T00:00:00.000Z');
});

describe('ask', () => {
  it('builds the SQL from plain arguments and binds them', async () => {
    const q = caseQuery(() => HmColumns.empty(), 'messagePage', { ...EMPTY_MESSAGE_FILTER, account: 'a@x.example' }, 'date', 'desc', 0, 50);
    expect(q.sql).not.toContain('a@x.example');
    expect(q.params).toContain('a@x.example');
    expect((await caseDb.ask('taggedKeys', 'message', 'x')).rows).toEqual([['b.eml']]);
    expect((await caseDb.ask('taggedKeys', 'message', 'y')).rows).toEqual([]);
  });

  it('reads the hm_* schema only for the queries of hMailServer tables, and writes their SQL for it', () => {
    const unread = () => {
      throw new Error('schema read');
    };
    expect(() => caseQuery(unread, 'taggedKeys', 'message', 'x')).not.toThrow();
    expect(() => caseQuery(unread, 'accounts')).toThrow('schema read');
    expect(caseQuery(() => HmColumns.empty(), 'accounts').sql).toMatch(/where 0$/);
    const partial = caseQuery(() => HmColumns.fromRows([['hm_accounts', 'accountid'], ['hm_accounts', 'accountaddress']]), 'accounts').sql;
    expect(partial).toContain('from hm_accounts a');
    expect(partial).toContain('NULL as accountactive');
  });

  it('answers a query of hMailServer tables on a case without them with no rows', async () => {
    expect((await caseDb.ask('accounts')).rows).toEqual([]);
    expect((await caseDb.ask('maxMessageId')).rows).toEqual([[null]]);
  });

  it('refuses a name the registry does not list', async () => {
    await expect(caseDb.ask('toString' as QueryName)).rejects.toThrow('Unknown case query: toString');
    await expect(caseDb.ask('DROP TABLE case_meta' as QueryName)).rejects.toThrow(/^Unknown case query/);
  });

  it('takes no SQL text: the console is the one raw entry, and it refuses writes', async () => {
    expect('query' in caseDb).toBe(false);
    await expect(caseDb.consoleQuery('DELETE FROM case_bookmarks')).rejects.toThrow(/^Refused/);
  });
});
