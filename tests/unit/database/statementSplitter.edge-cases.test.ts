/**
 * StatementSplitter on its own, with each dump dialect's syntax. Every case is also fed in chunks of every size
 * from 1 character up, because a dump arrives in stream chunks that cut quotes, comments and separators anywhere.
 */
import { describe, expect, it } from 'vitest';
import { mssqlScript } from '../../../src/lib/database/mssqlScript.ts';
import { mysqlDump } from '../../../src/lib/database/mysqlDump.ts';
import { pgsqlDump } from '../../../src/lib/database/pgsqlDump.ts';
import { StatementSplitter, type SplitItem, type SplitterSyntax } from '../../../src/lib/database/statementSplitter.ts';

function split(syntax: SplitterSyntax, text: string, chunk = text.length || 1): SplitItem[] {
  const splitter = new StatementSplitter(syntax);
  const out: SplitItem[] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...splitter.push(text.slice(i, i + chunk)));
  out.push(...splitter.end());
  return out;
}

/** Splits whole, then in chunks of every size up to the text's length, and expects the same items each time. */
function splitAnyway(syntax: SplitterSyntax, text: string): SplitItem[] {
  const whole = split(syntax, text);
  for (let chunk = 1; chunk < text.length; chunk++) expect(split(syntax, text, chunk), `chunks of ${chunk}`).toEqual(whole);
  return whole;
}

const statements = (items: SplitItem[]) => items.map((i) => (i.kind === 'statement' ? i.text : i.kind));

describe('StatementSplitter: mysqldump', () => {
  const mysql = mysqlDump.syntax;

  it('cuts at ; outside quotes, names and comments, with the line each statement starts on', () => {
    const items = splitAnyway(mysql, "-- head; comment\nSET a=1;\n# hash; comment\nINSERT INTO `x;y` VALUES ('a;b',\"c;d\");\n/* block; */ SELECT 2;");
    expect(items).toEqual([
      { kind: 'statement', text: 'SET a=1', line: 2 },
      { kind: 'statement', text: "INSERT INTO `x;y` VALUES ('a;b',\"c;d\")", line: 4 },
      { kind: 'statement', text: 'SELECT 2', line: 5 },
    ]);
  });

  it('keeps backslash-escaped quotes inside a string', () => {
    expect(statements(splitAnyway(mysql, "INSERT INTO t VALUES ('it\\'s; \\\\', 'x''y;');SELECT 1;"))).toEqual([
      "INSERT INTO t VALUES ('it\\'s; \\\\', 'x''y;')",
      'SELECT 1',
    ]);
  });

  it('keeps an executable /*!…*/ comment as part of its statement', () => {
    expect(statements(splitAnyway(mysql, '/*!40101 SET NAMES utf8mb4 */;\n/* plain */\nSELECT 1;'))).toEqual(['/*!40101 SET NAMES utf8mb4 */', 'SELECT 1']);
  });

  it('follows DELIMITER lines: ; inside a trigger body does not end it, the new terminator does', () => {
    const text = ['DELIMITER ;;', 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; SET @b = 2; END ;;', 'DELIMITER ;', 'SELECT 1;'].join('\n');
    expect(splitAnyway(mysql, text)).toEqual([
      { kind: 'statement', text: 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; SET @b = 2; END', line: 2 },
      { kind: 'statement', text: 'SELECT 1', line: 4 },
    ]);
  });

  it('a word DELIMITER inside a statement is text, not a command', () => {
    expect(statements(splitAnyway(mysql, "SELECT\nDELIMITER;\nSELECT 'x';"))).toEqual(['SELECT\nDELIMITER', "SELECT 'x'"]);
  });

  it('reports a string never closed at the end, from its statement\'s line', () => {
    expect(splitAnyway(mysql, "SELECT 1;\nINSERT INTO t VALUES ('open;")).toEqual([
      { kind: 'statement', text: 'SELECT 1', line: 1 },
      { kind: 'statement', text: "INSERT INTO t VALUES ('open;", line: 2, unterminated: "string opened with ' never closed" },
    ]);
  });

  it('reports a block comment never closed', () => {
    expect(split(mysql, 'SELECT 1 /* open')).toEqual([{ kind: 'statement', text: 'SELECT 1 /* open', line: 1, unterminated: 'comment opened with /* never closed' }]);
  });

  it('a last statement without terminator is still given, and blank input gives nothing', () => {
    expect(statements(splitAnyway(mysql, 'SELECT 1;\nSELECT 2'))).toEqual(['SELECT 1', 'SELECT 2']);
    expect(split(mysql, '  \n\n ')).toEqual([]);
    expect(split(mysql, ';;;')).toEqual([]);
  });
});

describe('StatementSplitter: pg_dump', () => {
  const pg = pgsqlDump.syntax;

  it('reads $$ and $tag$ bodies whole, ; and quotes included', () => {
    const text = "CREATE FUNCTION f() AS $$ select 'a;b'; $$;\nCREATE FUNCTION g() AS $fn$ x $$ y; 'z $fn$;\nSELECT $1;";
    expect(statements(splitAnyway(pg, text))).toEqual([
      "CREATE FUNCTION f() AS $$ select 'a;b'; $$",
      "CREATE FUNCTION g() AS $fn$ x $$ y; 'z $fn$",
      'SELECT $1',
    ]);
  });

  it('reports a dollar body never closed', () => {
    expect(split(pg, 'SELECT $body$ never;')).toEqual([{ kind: 'statement', text: 'SELECT $body$ never;', line: 1, unterminated: 'body opened with $body$ never closed' }]);
  });

  it("E'…' strings take backslash escapes; plain strings do not", () => {
    expect(statements(splitAnyway(pg, "SELECT E'it\\'s;';SELECT 'back\\';SELECT e'\\';x';"))).toEqual(["SELECT E'it\\'s;'", "SELECT 'back\\'", "SELECT e'\\';x'"]);
  });

  it("a name ending in E before a quote is not an E'…' prefix", () => {
    expect(statements(splitAnyway(pg, "SELECT TYPE'\\';SELECT 2;"))).toEqual(["SELECT TYPE'\\'", 'SELECT 2']);
  });

  it('COPY … FROM stdin: rows until \\., each with its line; a psql meta command is a statement of its own', () => {
    const text = '\\restrict abc\nCOPY public.t (a, b) FROM stdin;\n1\tx;y\r\n2\t\\N\n\\.\nSELECT 1;\n';
    expect(splitAnyway(pg, text)).toEqual([
      { kind: 'statement', text: '\\restrict abc', line: 1 },
      { kind: 'statement', text: 'COPY public.t (a, b) FROM stdin', line: 2 },
      { kind: 'copy-row', text: '1\tx;y', line: 3 },
      { kind: 'copy-row', text: '2\t\\N', line: 4 },
      { kind: 'copy-end', line: 5 },
      { kind: 'statement', text: 'SELECT 1', line: 6 },
    ]);
  });

  it('a dump cut inside a COPY block still ends it', () => {
    expect(split(pg, 'COPY t FROM stdin;\n1\n')).toEqual([
      { kind: 'statement', text: 'COPY t FROM stdin', line: 1 },
      { kind: 'copy-row', text: '1', line: 2 },
      { kind: 'copy-end', line: 3 },
    ]);
  });
});

describe('StatementSplitter: SQL Server scripts', () => {
  const mssql = mssqlScript.syntax;

  it('GO ends a batch; statements inside a batch need no terminator when each starts a line', () => {
    const text = 'SET IDENTITY_INSERT [t] ON\nINSERT INTO [t] ([a]) VALUES (1)\nINSERT INTO [t] ([a]) VALUES (2)\nGO\nSELECT 1;\ngo 5\n';
    expect(splitAnyway(mssql, text)).toEqual([
      { kind: 'statement', text: 'SET IDENTITY_INSERT [t] ON', line: 1 },
      { kind: 'statement', text: 'INSERT INTO [t] ([a]) VALUES (1)', line: 2 },
      { kind: 'statement', text: 'INSERT INTO [t] ([a]) VALUES (2)', line: 3 },
      { kind: 'statement', text: 'SELECT 1', line: 5 },
    ]);
  });

  it('a statement word inside parentheses or a quoted name does not start a statement', () => {
    const text = "INSERT INTO [t;GO] ([a], [b]) VALUES (\nINSERT, 'x\nGO')\nGO\n";
    expect(statements(splitAnyway(mssql, text))).toEqual(["INSERT INTO [t;GO] ([a], [b]) VALUES (\nINSERT, 'x\nGO')"]);
  });

  it('a GO line inside a string is text', () => {
    expect(statements(splitAnyway(mssql, "INSERT INTO t VALUES ('a\nGO\nb')\nGO\n"))).toEqual(["INSERT INTO t VALUES ('a\nGO\nb')"]);
  });

  it('[name] with ]] inside', () => {
    expect(statements(splitAnyway(mssql, 'SELECT [a]];b] FROM t;'))).toEqual(['SELECT [a]];b] FROM t']);
  });
});
