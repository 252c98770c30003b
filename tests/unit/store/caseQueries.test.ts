/**
 * Named queries across the caseDb boundary: the service builds a name's SQL from plain arguments and runs
 * it read-only, and refuses a name the registry does not list.
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseDbService, type CaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { caseQuery, type QueryName } from '../../../src/lib/store/queries/caseQueries.ts';
import { EMPTY_MESSAGE_FILTER } from '../../../src/ui/queries/messages.ts';

let caseDb: CaseDbService;

beforeAll(async () => {
  caseDb = createCaseDbService(await initSqlJs(), 'test');
  await caseDb.reset();
  await caseDb.setBookmark('b.eml', 'x', '', '2024-06-01T00:00:00.000Z');
});

describe('ask', () => {
  it('answers as the same SQL asked through the read-only query', async () => {
    const filter = { ...EMPTY_MESSAGE_FILTER, account: 'a@x.example' };
    const q = caseQuery('messagePage', filter, 'date', 'desc', 0, 50);
    expect(await caseDb.ask('messagePage', filter, 'date', 'desc', 0, 50)).toEqual(await caseDb.query(q.sql, q.params));
    expect((await caseDb.ask('taggedKeys', 'message', 'x')).rows).toEqual([['b.eml']]);
  });

  it('refuses a name the registry does not list', async () => {
    await expect(caseDb.ask('toString' as QueryName)).rejects.toThrow('Unknown case query: toString');
    await expect(caseDb.ask('DROP TABLE case_meta' as QueryName)).rejects.toThrow(/^Unknown case query/);
  });
});
