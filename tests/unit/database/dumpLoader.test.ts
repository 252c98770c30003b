/**
 * DumpLoader: how the dump importers turn INSERT and CREATE TABLE into rows, which column order a row without
 * a column list gets, and the line a problem is reported at.
 */
import type { Database } from 'sql.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DumpLoader, firstWord } from '../../../src/lib/database/dumpLoader.ts';
import { HmailRowWriter } from '../../../src/lib/database/hmailRowWriter.ts';
import type { ImportProblem } from '../../../src/lib/model/hmailDatabase.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';

let db: Database;
let problems: ImportProblem[];
let loader: DumpLoader;

beforeEach(async () => {
  const SQL = await openSqlJs();
  db = new SQL.Database();
  problems = [];
  loader = new DumpLoader(new HmailRowWriter(db, problems), 'mysql');
});

afterEach(() => db.close());

function rows(sql: string): unknown[][] {
  loader.writer.finish();
  return db.exec(sql)[0]?.values ?? [];
}

describe('firstWord', () => {
  it('finds the first keyword after blanks and both kinds of comment, upper case', () => {
    expect(firstWord('  -- a comment\n/* another\n one */ insert into x')).toBe('INSERT');
    expect(firstWord('create table t (a int)')).toBe('CREATE');
  });

  it('gives null for a statement that is only comments', () => {
    expect(firstWord('-- nothing\n/* here */ ')).toBeNull();
  });
});

describe('DumpLoader', () => {
  it('counts the line of an offset from the statement start line', () => {
    const text = 'INSERT INTO t\nVALUES (1),\n(2';
    expect(loader.lineAt(text, 10, 0)).toBe(10);
    expect(loader.lineAt(text, 10, text.indexOf('\n'))).toBe(10);
    expect(loader.lineAt(text, 10, text.indexOf('(1)'))).toBe(11);
    expect(loader.lineAt(text, 10, text.length)).toBe(12);
  });

  it('loads an INSERT with a column list', () => {
    loader.insert("INSERT INTO `hm_aliases` (`aliasid`, `aliasname`, `aliasvalue`) VALUES (1,'info@example.com','bob@example.com'),(2,'x@example.com','y@example.com');", 1);
    expect(rows('SELECT aliasid, aliasname, aliasvalue FROM hm_aliases ORDER BY aliasid')).toEqual([
      [1, 'info@example.com', 'bob@example.com'],
      [2, 'x@example.com', 'y@example.com'],
    ]);
    expect(problems).toEqual([]);
  });

  it("takes a row without a column list in the order of the dump's own CREATE TABLE", () => {
    loader.learnCreateTable('CREATE TABLE `hm_aliases` (`aliasvalue` varchar(255), `aliasid` int NOT NULL, PRIMARY KEY (`aliasid`))', 1);
    expect(loader.columnsOf('hm_aliases')).toEqual(['aliasvalue', 'aliasid']);
    loader.insert("INSERT INTO `hm_aliases` VALUES ('bob@example.com',7);", 5);
    expect(rows('SELECT aliasid, aliasvalue FROM hm_aliases')).toEqual([[7, 'bob@example.com']]);
    expect(problems).toEqual([]);
  });

  it("assumes hMailServer's own column order when the dump declares none, and says so once", () => {
    loader.insert("INSERT INTO hm_aliases VALUES (3,1,'a@example.com','b@example.com',1);", 4);
    loader.insert("INSERT INTO hm_aliases VALUES (4,1,'c@example.com','d@example.com',0);", 5);
    expect(rows('SELECT aliasid, aliasdomainid, aliasname, aliasvalue, aliasactive FROM hm_aliases ORDER BY aliasid')).toEqual([
      [3, 1, 'a@example.com', 'b@example.com', 1],
      [4, 1, 'c@example.com', 'd@example.com', 0],
    ]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [4, "no column list and no CREATE TABLE for hm_aliases: hMailServer's own column order was assumed"],
    ]);
  });

  it('takes the 5601 columns of a table that later releases widened when the row has that many values', () => {
    // hm_imapfolders without the two post-5601 columns (folderspecialuse, folderuidvalidity): 7 values.
    loader.insert("INSERT INTO hm_imapfolders VALUES (10,2,-1,'INBOX',1,'2024-05-06 10:00:00',12);", 3);
    expect(rows('SELECT folderid, foldername, foldercurrentuid, folderuidvalidity FROM hm_imapfolders')).toEqual([[10, 'INBOX', 12, null]]);
  });

  it('loads nothing of a table whose row width fits no known column order', () => {
    loader.insert('INSERT INTO hm_aliases VALUES (3,1);', 8);
    expect(rows('SELECT count(*) FROM hm_aliases')).toEqual([[0]]);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [8, 'rows of hm_aliases not loaded: no column list and no CREATE TABLE for it in the dump'],
    ]);
  });

  it('reports an INSERT it cannot read at the line where reading stopped', () => {
    loader.insert("INSERT INTO hm_aliases (aliasid, aliasname)\nVALUES (1,'a'),\n(2 'b');", 20);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(22);
    expect(problems[0].reason).toMatch(/^INSERT skipped: /);
  });

  it('reports a CREATE TABLE it cannot read, and ignores other statements there', () => {
    loader.learnCreateTable('CREATE TABLE hm_aliases (aliasid int', 2);
    loader.learnCreateTable('CREATE INDEX i ON hm_aliases (aliasid)', 3);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'CREATE TABLE could not be read: later rows of this table need a column list'],
    ]);
  });

  it('reports an unterminated statement and leaves a terminated one to the caller', () => {
    expect(loader.unterminated({ kind: 'statement', text: "INSERT INTO x VALUES ('", line: 30, unterminated: 'string never closed' })).toBe(true);
    expect(loader.unterminated({ kind: 'statement', text: 'SELECT 1', line: 31 })).toBe(false);
    loader.unknown('GRANT ALL', 32);
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [30, 'statement skipped: string never closed'],
      [32, 'statement not recognised: skipped'],
    ]);
  });
});
