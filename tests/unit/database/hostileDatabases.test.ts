/** Hostile and foreign databases: views, foreign SQLite, duplicate and NULL ids, truncated scripts, odd first statements, the choice among several. */
import { describe, expect, it } from 'vitest';
import { copyHmailTables } from '../../../src/lib/database/copyHmailTables.ts';
import { importSqlDump } from '../../../src/lib/database/importSqlDump.ts';
import { loadSqliteDatabase, MAX_SQLITE_BYTES, sqliteSizeProblem } from '../../../src/lib/database/loadSqliteDatabase.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';
import { probeSqliteCandidate } from '../../../src/lib/database/probeSqliteCandidate.ts';
import { scoreHmailDatabase } from '../../../src/lib/database/scoreHmailDatabase.ts';
import { MAX_VALUE_NESTING } from '../../../src/lib/database/sqlValue.ts';
import { classifyEntry } from '../../../src/lib/ingest/classifyEntry.ts';
import { chunkedStream, emptyDb } from './dbTestKit.ts';

async function copyFrom(sql: string) {
  const SQL = await openSqlJs();
  const source = new SQL.Database();
  source.exec(sql);
  const evidence = loadSqliteDatabase(SQL, source.export());
  const target = await emptyDb();
  const problems = copyHmailTables(evidence, target);
  return { problems: problems.map((p) => p.reason), rows: (q: string) => target.exec(q)[0]?.values ?? [] };
}

const acct = (id: string, address: string) => `INSERT [dbo].[hm_accounts] ([accountid], [accountdomainid], [accountaddress]) VALUES (${id}, 1, N'${address}')`;

describe('foreign and hostile SQLite databases', () => {
  it('says a browser history is not an hMailServer database', async () => {
    const { problems } = await copyFrom('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); CREATE TABLE moz_historyvisits (id INTEGER);');
    expect(problems).toEqual(['not an hMailServer database: it has no hm_* tables (tables moz_historyvisits, moz_places); nothing was loaded from it']);
  });

  it('names hm_* views (even an endless recursive one) without running them, and loads the real tables', async () => {
    const { problems, rows } = await copyFrom(`
      CREATE TABLE hm_domains (domainid INTEGER PRIMARY KEY, domainname TEXT);
      INSERT INTO hm_domains VALUES (1, 'example.com');
      CREATE VIEW hm_messages AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS messageid FROM r;`);
    expect(problems.filter((p) => p.includes('view'))).toEqual([
      'hm_messages is a view, not a table: not read (a view runs a query of its own, which can be made to never end); its rows are missing from the case',
    ]);
    expect(rows('SELECT domainname FROM hm_domains')).toEqual([['example.com']]);
  });

  it('loads the rows of a table with duplicate and NULL ids as far as it can and reports the rest', async () => {
    const { problems, rows } = await copyFrom(`
      CREATE TABLE hm_accounts (accountid INTEGER, accountdomainid INTEGER, accountaddress TEXT);
      INSERT INTO hm_accounts VALUES (1, 1, 'a@example.com'), (1, 1, 'dup@example.com'), (NULL, 1, 'null@example.com'), (2, 1, 'b@example.com');`);
    expect(rows('SELECT accountid, accountaddress FROM hm_accounts ORDER BY accountid')).toEqual([
      [1, 'a@example.com'],
      [2, 'b@example.com'],
    ]);
    expect(problems.some((p) => /row \d+ of hm_accounts not loaded: UNIQUE constraint failed/.test(p))).toBe(true);
    expect(problems.some((p) => /row \d+ of hm_accounts has no accountid \(NULL\): not loaded/.test(p))).toBe(true);
  });
});

describe('hostile dumps', () => {
  it('reports a SQL Server script cut off between two statements', async () => {
    const db = await emptyDb();
    const text = `SET IDENTITY_INSERT [dbo].[hm_accounts] ON\nGO\n${acct('1', 'a@example.com')}\n${acct('2', 'b@example.com')}\n`;
    const problems = await importSqlDump(db, chunkedStream(new TextEncoder().encode(text), 7), 'mssql-script');
    expect(problems.map((p) => p.reason)).toEqual([
      'the script does not end with GO after its last batch: it was cut off, and its last statement may be incomplete (truncated)',
    ]);
    expect(db.exec('SELECT count(*) FROM hm_accounts')[0].values[0][0]).toBe(2);
    const whole = await importSqlDump(await emptyDb(), chunkedStream(new TextEncoder().encode(`${text}GO\n`), 7), 'mssql-script');
    expect(whole).toEqual([]);
  });

  it('goes on after a statement that fails and after a megabyte-long nested first statement', async () => {
    const db = await emptyDb();
    const first = `SELECT ${'('.repeat(300_000)}1${')'.repeat(300_000)};`;
    const insert = (id: number) => `INSERT INTO \`hm_accounts\` (\`accountid\`,\`accountdomainid\`,\`accountaddress\`) VALUES (${id},1,'u${id}@example.com');`;
    const text = [first, insert(1), 'GARBAGE ((( STATEMENT;', insert(2)].join('\n');
    const problems = await importSqlDump(db, chunkedStream(new TextEncoder().encode(text), 65_536), 'mysql-dump');
    expect(problems.map((p) => p.reason)).toEqual(['statement not recognised: skipped']);
    expect(db.exec('SELECT count(*) FROM hm_accounts')[0].values[0][0]).toBe(2);
  });

  it('recognises a dump whose first statement fills the head, from the first megabytes', () => {
    const text = `/* ${'x'.repeat(2 * 1024 * 1024)} */\nCREATE TABLE \`hm_accounts\` (\`accountid\` int);\nINSERT INTO \`hm_accounts\` VALUES (1);\n-- MySQL dump 10.13\n`;
    const bytes = new TextEncoder().encode(text);
    expect(classifyEntry('backup.sql', bytes.subarray(0, 4096), bytes.length).format).toBe('unknown');
    expect(classifyEntry('backup.sql', bytes.subarray(0, 4096), bytes.length, bytes)).toEqual({ kind: 'dump', format: 'mysql-dump' });
    const prose = new TextEncoder().encode(`${'words '.repeat(2000)}\nINSERT INTO \`other\` VALUES (1);`);
    expect(classifyEntry('notes.txt', prose.subarray(0, 4096), prose.length, prose).format).toBe('unknown');
  });
});

describe('scoreHmailDatabase', () => {
  const score = (hmTables: Record<string, number>, error: string | null = null) => scoreHmailDatabase({ path: 'x', hmTables, error });

  it('weighs a database with hMailServer rows above a corrupt, foreign or empty one', () => {
    const real = score({ hm_accounts: 12, hm_domains: 2, hm_messages: 400 });
    expect(score({}, 'SQLite database could not be read: file is not a database')).toBe(0);
    expect(score({})).toBe(0);
    expect(real).toBeGreaterThan(score({ hm_accounts: 0, hm_domains: 0 }));
  });

  it('probes dropped SQLite files: a corrupt one, a foreign one and a real one, only the real one scores', async () => {
    const SQL = await openSqlJs();
    const make = (sql: string) => {
      const db = new SQL.Database();
      db.exec(sql);
      const bytes = db.export();
      db.close();
      return bytes;
    };
    const corrupt = new Uint8Array(1024);
    corrupt.set(new TextEncoder().encode('SQLite format 3\0'));
    corrupt.fill(0x33, 16);
    const candidates = [
      probeSqliteCandidate(SQL, 'bad.sqlite', corrupt),
      probeSqliteCandidate(SQL, 'places.sqlite', make('CREATE TABLE moz_places (id INTEGER);')),
      probeSqliteCandidate(SQL, 'case.zip/hMailServer.sqlite', make("CREATE TABLE hm_accounts (accountid INTEGER); INSERT INTO hm_accounts VALUES (1), (2); CREATE VIEW hm_messages AS SELECT 1;")),
    ];
    expect(candidates[0].error).toMatch(/could not be read/);
    expect(candidates[1]).toEqual({ path: 'places.sqlite', hmTables: {}, error: null });
    expect(candidates[2]).toEqual({ path: 'case.zip/hMailServer.sqlite', hmTables: { hm_accounts: 2 }, error: null });
    expect(candidates.map(scoreHmailDatabase).map((s) => s > 0)).toEqual([false, false, true]);
  });

  it('prefers accounts and messages over a huge log table', () => {
    expect(score({ hm_accounts: 3 })).toBeGreaterThan(score({ hm_logonfailures: 5_000_000 }));
  });
});

describe('parser budgets', () => {
  it('refuses an SQLite file above the reader size budget, naming it, without opening it', async () => {
    const SQL = await openSqlJs();
    const size = MAX_SQLITE_BYTES + 1;
    expect(sqliteSizeProblem(size)).toBe(`SQLite file of ${size} bytes is above the SQLite reader's budget of ${MAX_SQLITE_BYTES} bytes: not opened`);
    expect(sqliteSizeProblem(MAX_SQLITE_BYTES)).toBeNull();
    // A stand-in with the size of a huge file: the budget is checked before any byte is read.
    const huge = { length: size, subarray: () => { throw new Error('read'); } } as unknown as Uint8Array;
    expect(probeSqliteCandidate(SQL, 'huge.sqlite', huge)).toEqual({ path: 'huge.sqlite', hmTables: {}, error: sqliteSizeProblem(size) });
  });

  it('skips an INSERT whose value nests past the SQL parser budget, without a stack overflow, and loads the next', async () => {
    const db = await emptyDb();
    const insert = (id: number, value: string) => `INSERT INTO \`hm_accounts\` (\`accountid\`,\`accountdomainid\`,\`accountaddress\`) VALUES (${id},1,${value});`;
    const text = [insert(1, `${'{ts '.repeat(100_000)}'x'${'}'.repeat(100_000)}`), insert(2, `${'_latin1 '.repeat(100_000)}'y'`), insert(3, "{ts 'z'}")].join('\n');
    const problems = await importSqlDump(db, chunkedStream(new TextEncoder().encode(text), 65_536), 'mysql-dump');
    expect(problems.map((p) => p.reason)).toEqual([
      `INSERT skipped: value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)`,
      `INSERT skipped: value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)`,
    ]);
    expect(db.exec('SELECT accountid, accountaddress FROM hm_accounts')[0].values).toEqual([[3, 'z']]);
  });
});
