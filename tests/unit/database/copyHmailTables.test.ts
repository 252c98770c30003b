import { describe, expect, it } from 'vitest';
import { copyHmailTables } from '../../../src/lib/database/copyHmailTables.ts';
import { loadSqliteDatabase } from '../../../src/lib/database/loadSqliteDatabase.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { emptyDb, sampleSqliteBytes } from './dbTestKit.ts';

describe('loadSqliteDatabase / copyHmailTables', () => {
  it('refuses bytes that are not SQLite', async () => {
    const SQL = await openSqlJs();
    expect(() => loadSqliteDatabase(SQL, new TextEncoder().encode('not a database at all, no'))).toThrow(/not an SQLite 3 database/);
  });

  it('reports extra and missing columns, copies legacy hm_* tables, ignores others', async () => {
    const SQL = await openSqlJs();
    const source = new SQL.Database();
    source.exec(`
      CREATE TABLE HM_ALIASES (aliasid INTEGER, aliasname TEXT, aliasnote TEXT);
      INSERT INTO HM_ALIASES VALUES (7, 'a@x.example', 'extra');
      CREATE TABLE hm_deliverylog (deliveryfrom TEXT, deliverytime TEXT);
      INSERT INTO hm_deliverylog VALUES ('old@x.example', '2003-01-01 10:00:00');
      CREATE TABLE other (x);
      INSERT INTO other VALUES (1);`);
    const source2 = loadSqliteDatabase(SQL, source.export());
    const target = await emptyDb();
    const problems = copyHmailTables(source2, target);
    expect(problems.map((p) => p.reason)).toEqual([
      'table HM_ALIASES lacks column(s) aliasdomainid, aliasvalue, aliasactive of schema 5601: left empty',
      "column aliasnote of hm_aliases is not in hMailServer's schema: its values were not loaded",
    ]);
    expect(target.exec('SELECT aliasid, aliasname, aliasvalue FROM hm_aliases')[0].values).toEqual([[7, 'a@x.example', null]]);
    expect(target.exec('SELECT * FROM hm_deliverylog')[0].values).toEqual([['old@x.example', '2003-01-01 10:00:00']]);
    expect(target.exec("SELECT name FROM sqlite_master WHERE name = 'other'")).toEqual([]);
  });
});

describe.skipIf(!hasSamples)('copyHmailTables on the sample', () => {
  it('copies the sample without problems and without touching its bytes', async () => {
    const SQL = await openSqlJs();
    const bytes = await sampleSqliteBytes();
    const before = bytes.slice();
    const target = await emptyDb();
    const problems = copyHmailTables(loadSqliteDatabase(SQL, bytes), target);
    expect(problems).toEqual([]);
    expect(bytes).toEqual(before);
    const h = readHmailDatabase(target, 'sqlite', 'hMailServer/Database/hMailServer-converted.sqlite', problems);
    expect(h.tables.hm_messages).toBe(43);
    expect(h.tables.hm_accounts).toBe(4);
    expect(h.messages.filter((m) => m.type === 1)).toHaveLength(3);
    expect(Math.max(...h.messages.map((m) => m.id))).toBe(1045);
  });
});
