/**
 * The named queries of hMailServer's tables are written for the hm_* columns the case database has: on a
 * database without them they answer no rows (or NULL), on an older or partial schema a missing column reads
 * as NULL, and on the full schema every one runs.
 */
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { HMAIL_SCHEMA_DDL } from '../../../../src/lib/database/hmailSchema.ts';
import { caseQuery, type QueryName } from '../../../../src/lib/store/queries/caseQueries.ts';
import { HM_COLUMNS_SQL, HmColumns } from '../../../../src/lib/store/queries/hmColumns.ts';
import { emptyCaseDb } from '../../../ui-state/sqlClient.ts';

/** Every query of the registry that needs no argument but the schema, with the arguments of the others. */
const SCHEMA_QUERIES: [QueryName, ...unknown[]][] = [
  ['accounts'], ['folders', 1, 'a@x.example'], ['accountVolume'], ['topSenders'], ['topRecipientDomains'], ['maxMessageId'], ['hmTableCounts'],
  ['hmDomains'], ['hmSettings'], ['hmCounts'], ['aliases'], ['distributionLists'], ['activeSpamLists', 'dnsbl'], ['activeSpamLists', 'surbl'],
  ['spamLists'], ['blockedAttachments'], ['deliveryQueue'], ['routes'], ['forwarding'], ['fetchAccounts'], ['rules'], ['ruleCriteria'],
  ['ruleActions'], ['routeNames'], ['securityRanges'], ['logonFailures'],
];

const hmOf = (db: Database) => () => HmColumns.fromRows((db.exec(HM_COLUMNS_SQL)[0]?.values ?? []) as (string | number | null)[][]);

function run(db: Database, name: QueryName, args: unknown[]) {
  const q = (caseQuery as (schema: () => HmColumns, n: QueryName, ...a: unknown[]) => { sql: string; params: (string | number | null)[] })(hmOf(db), name, ...args);
  return db.exec(q.sql, q.params)[0];
}

describe('queries of hMailServer tables', () => {
  it('run on the full hm_* schema', async () => {
    const db = await emptyCaseDb();
    db.exec(HMAIL_SCHEMA_DDL);
    db.run("INSERT INTO hm_accounts (accountid, accountaddress, accountactive) VALUES (1, 'a@x.example', 1)");
    db.run("INSERT INTO hm_domains (domainid, domainname, domainactive) VALUES (1, 'x.example', 1)");
    for (const [name, ...args] of SCHEMA_QUERIES) expect(() => run(db, name, args), name).not.toThrow();
    expect(run(db, 'accounts', []).values.map((r) => r[1])).toEqual(['a@x.example']);
    expect(run(db, 'hmCounts', []).values).toEqual([[0, 0, 1, 1]]);
  });

  it('answer no rows, or NULL, on a case without hMailServer tables', async () => {
    const db = await emptyCaseDb();
    for (const name of ['accounts', 'hmTableCounts', 'hmDomains', 'hmSettings', 'spamLists', 'ruleCriteria', 'ruleActions', 'routeNames'] as QueryName[]) {
      expect(run(db, name, []), name).toBeUndefined();
    }
    expect(run(db, 'maxMessageId', []).values).toEqual([[null]]);
    expect(run(db, 'activeSpamLists', ['dnsbl']).values).toEqual([[null]]);
    expect(run(db, 'hmCounts', []).values).toEqual([[null, null, null, null]]);
  });

  it('read a column an older schema lacks as NULL', async () => {
    const db = await emptyCaseDb();
    db.exec('CREATE TABLE hm_accounts (accountid INTEGER, accountaddress TEXT, accountforwardenabled INTEGER, accountforwardaddress TEXT)');
    db.run("INSERT INTO hm_accounts VALUES (1, 'a@x.example', 1, 'out@elsewhere.example')");
    const accounts = run(db, 'accounts', []);
    const row = Object.fromEntries(accounts.columns.map((c, i) => [c, accounts.values[0][i]]));
    expect(row).toMatchObject({ accountaddress: 'a@x.example', accountactive: null, accountforwardenabled: 1, scheme: 'unknown' });
    expect(run(db, 'forwarding', []).values).toHaveLength(1);
  });
});
