/**
 * HmailRowWriter: the one way rows reach the hm_* tables. Which rows load, how each source value becomes the
 * column's type, and which problems the examiner is told about (once, with the row and the reason).
 */
import type { Database } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HmailRowWriter } from '../../../src/lib/database/hmailRowWriter.ts';
import type { ImportProblem } from '../../../src/lib/model/hmailDatabase.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';

let db: Database;
let problems: ImportProblem[];
let writer: HmailRowWriter;

beforeEach(async () => {
  const SQL = await openSqlJs();
  db = new SQL.Database();
  problems = [];
  writer = new HmailRowWriter(db, problems);
});

afterEach(() => db.close());

function rows(sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

const reasons = () => problems.map((p) => p.reason);

describe('HmailRowWriter', () => {
  it('creates the canonical tables and loads rows in the source column order', () => {
    writer.insertRows('hm_accounts', ['accountaddress', 'accountid'], [['a@example.com', 1], ['b@example.com', 2]], 10, 'INSERT …');
    writer.finish();
    expect(rows('SELECT accountid, accountaddress FROM hm_accounts ORDER BY accountid')).toEqual([[1, 'a@example.com'], [2, 'b@example.com']]);
    expect(writer.loaded.get('hm_accounts')).toBe(2);
    expect(problems).toEqual([]);
  });

  it('converts values to an integer column: digits, booleans, decimals, big numbers and bytes', () => {
    const values = ['42', 't', 'false', '1.5', 9007199254740993n, Uint8Array.of(0x01, 0x00), ' 7 '];
    writer.insertRows('hm_accounts', ['accountid', 'accountactive'], values.map((v, i) => [i + 1, v]), 1, 'INSERT …');
    writer.finish();
    // Read back as text: sql.js would round the 64-bit integer to a double on the way out.
    expect(rows('SELECT CAST(accountactive AS TEXT), typeof(accountactive) FROM hm_accounts ORDER BY accountid')).toEqual([
      ['42', 'integer'], ['1', 'integer'], ['0', 'integer'], ['1.5', 'real'], ['9007199254740993', 'integer'], ['256', 'integer'], ['7', 'integer'],
    ]);
  });

  it('converts values to a text column: numbers as their digits, bytes as UTF-8', () => {
    const bytes = new TextEncoder().encode('Jörg');
    writer.insertRows('hm_accounts', ['accountid', 'accountpersonfirstname'], [[1, 5], [2, bytes], [3, null]], 1, 'INSERT …');
    writer.finish();
    expect(rows('SELECT accountpersonfirstname FROM hm_accounts ORDER BY accountid').map((r) => r[0])).toEqual(['5', 'Jörg', null]);
  });

  it("normalises a date column's engine spelling and stores an undecodable binary date as NULL with one problem", () => {
    writer.insertRows(
      'hm_accounts',
      ['accountid', 'accountlastlogontime'],
      [[1, '2024-05-06T10:11:12.000'], [2, Uint8Array.of(1, 2)], [3, Uint8Array.of(3, 4)], [4, 'yesterday']],
      7,
      'INSERT INTO hm_accounts …',
    );
    writer.finish();
    expect(rows('SELECT accountlastlogontime FROM hm_accounts ORDER BY accountid').map((r) => r[0])).toEqual(['2024-05-06 10:11:12', null, null, 'yesterday']);
    expect(problems).toEqual([
      { line: 7, statement: 'INSERT INTO hm_accounts …', reason: 'binary date-time value in hm_accounts.accountlastlogontime could not be decoded: stored as NULL' },
    ]);
  });

  it('skips a table outside hm_*, reporting it once', () => {
    writer.insertRows('wp_users', ['id'], [[1]], 3, 'INSERT INTO wp_users …');
    writer.insertRows('wp_users', ['id'], [[2]], 4, 'INSERT INTO wp_users …');
    writer.finish();
    expect(problems).toEqual([{ line: 3, statement: 'INSERT INTO wp_users …', reason: 'rows of table wp_users not loaded: not an hMailServer (hm_*) table' }]);
    expect(rows("SELECT name FROM sqlite_master WHERE name = 'wp_users'")).toEqual([]);
  });

  it("leaves out a column hMailServer's schema does not have and loads the rest", () => {
    writer.insertRows('hm_domains', ['domainid', 'domainname', 'domainfoo'], [[1, 'example.com', 'x']], 2, 'INSERT …');
    writer.insertRows('hm_domains', ['domainid', 'domainname', 'domainfoo'], [[2, 'example.org', 'y']], 3, 'INSERT …');
    writer.finish();
    expect(rows('SELECT domainname FROM hm_domains ORDER BY domainid')).toEqual([['example.com'], ['example.org']]);
    expect(reasons()).toEqual(["column domainfoo of hm_domains is not in hMailServer's schema: its values were not loaded"]);
  });

  it('loads the first of a column listed twice', () => {
    writer.insertRows('hm_domains', ['domainid', 'domainname', 'domainname'], [[1, 'first.example', 'second.example']], 2, 'INSERT …');
    writer.finish();
    expect(rows('SELECT domainname FROM hm_domains')).toEqual([['first.example']]);
    expect(reasons()).toEqual(['column domainname of hm_domains is listed twice: the first one is loaded']);
  });

  it('refuses a row of the wrong width and a row without its key, naming the row', () => {
    writer.insertRows('hm_domains', ['domainid', 'domainname'], [[1, 'a.example'], ['b.example'], [null, 'c.example'], [4, 'd.example']], 5, 'INSERT …');
    writer.finish();
    expect(rows('SELECT domainid FROM hm_domains ORDER BY domainid')).toEqual([[1], [4]]);
    expect(reasons()).toEqual([
      'row 2 of hm_domains has 1 values for 2 columns: not loaded',
      'row 3 of hm_domains has no domainid (NULL): not loaded',
    ]);
    expect(writer.loaded.get('hm_domains')).toBe(2);
  });

  it('loads the good rows of a batch one row fails, naming the failing row by its place in the statement', () => {
    const statementRows = [[1, 'a.example'], [null, 'no key'], [2, 'b.example'], [1, 'again.example'], [3, 'c.example']];
    writer.insertRows('hm_domains', ['domainid', 'domainname'], statementRows, 9, 'INSERT …');
    writer.finish();
    expect(rows('SELECT domainid, domainname FROM hm_domains ORDER BY domainid')).toEqual([[1, 'a.example'], [2, 'b.example'], [3, 'c.example']]);
    expect(reasons()).toHaveLength(2);
    expect(reasons()[1]).toMatch(/^row 4 of hm_domains not loaded: UNIQUE constraint failed: hm_domains\.domainid/);
    expect(writer.loaded.get('hm_domains')).toBe(3);
  });

  it('creates a legacy hm_* table as found and adds the columns later statements bring', () => {
    writer.insertRows('hm_oldstuff', ['a', 'b'], [[1, 'x']], 1, 'INSERT …');
    writer.insertRows('hm_oldstuff', ['a', 'c'], [[2, 'y']], 2, 'INSERT …');
    writer.finish();
    expect(rows('SELECT a, b, c FROM hm_oldstuff ORDER BY a')).toEqual([[1, 'x', null], [2, null, 'y']]);
    expect(problems).toEqual([]);
  });

  it('keeps a statement excerpt of 200 characters', () => {
    writer.problem(1, 'x'.repeat(250), 'why');
    expect(problems[0].statement).toBe('x'.repeat(200));
  });

  it('lists 1,000 problems and counts the rest in one last line', () => {
    for (let i = 1; i <= 1_003; i++) writer.problem(i, 'S', `problem ${i}`);
    writer.finish();
    expect(problems).toHaveLength(1_001);
    expect(problems[999].reason).toBe('problem 1000');
    expect(problems[1_000]).toEqual({ line: 0, statement: '', reason: '3 further problems were not listed' });
  });
});
