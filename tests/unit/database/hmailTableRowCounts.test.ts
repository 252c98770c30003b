/** Row counts of the hm_* tables of a SQLite database: what it offers as the case database. */
import { describe, expect, it } from 'vitest';
import { hmailTableNames, hmailTableRowCounts } from '../../../src/lib/database/hmailTableRowCounts.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';

async function database(sql: string) {
  const SQL = await openSqlJs();
  const db = new SQL.Database();
  db.exec(sql);
  return db;
}

describe('hmailTableRowCounts', () => {
  it('counts the rows of every hm_ table by lower-case name, leaving out views and other tables', async () => {
    const db = await database(`
      CREATE TABLE hm_accounts (id); INSERT INTO hm_accounts VALUES (1), (2), (3);
      CREATE TABLE HM_Domains (id); INSERT INTO HM_Domains VALUES (1);
      CREATE TABLE hm_messages (id);
      CREATE TABLE hmx_lookalike (id); INSERT INTO hmx_lookalike VALUES (1);
      CREATE TABLE "hm_odd""name" (id); INSERT INTO "hm_odd""name" VALUES (1), (2);
      CREATE TABLE users (id); INSERT INTO users VALUES (1);
      CREATE VIEW hm_view AS SELECT * FROM hm_accounts;`);
    expect(hmailTableNames(db)).toEqual(['HM_Domains', 'hm_accounts', 'hm_messages', 'hm_odd"name']);
    expect(hmailTableRowCounts(db)).toEqual({ hm_accounts: 3, hm_domains: 1, hm_messages: 0, 'hm_odd"name': 2 });
    db.close();
  });

  it('gives an empty record for a database without hm_ tables', async () => {
    const db = await database('CREATE TABLE t (a)');
    expect(hmailTableRowCounts(db)).toEqual({});
    db.close();
  });
});
