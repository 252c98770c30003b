/**
 * Edge cases of the SQL lexer (sqlLexer.ts) and the value reader on top of it (sqlValue.ts), read directly and
 * behind the statement splitter: chunk boundaries, DELIMITER, GO, $$, E'', 0x, CAST datetime, UTF-16.
 */
import { describe, expect, it } from 'vitest';
import { mssqlScript } from '../../../src/lib/database/mssqlScript.ts';
import { mysqlDump } from '../../../src/lib/database/mysqlDump.ts';
import { pgsqlDump } from '../../../src/lib/database/pgsqlDump.ts';
import type { SqlCell } from '../../../src/lib/database/sqlCell.ts';
import type { SqlDialect } from '../../../src/lib/database/sqlDialect.ts';
import { ParseFailure, SqlLexer } from '../../../src/lib/database/sqlLexer.ts';
import { MAX_VALUE_NESTING, readValue } from '../../../src/lib/database/sqlValue.ts';
import { StatementSplitter, type SplitterSyntax } from '../../../src/lib/database/statementSplitter.ts';

/** Reads one value and what follows it, so a test also sees where the lexer stopped. */
function value(text: string, dialect: SqlDialect): { cell: SqlCell; rest: string } {
  const lx = new SqlLexer(text, dialect);
  const cell = readValue(lx);
  return { cell, rest: text.slice(lx.pos) };
}

function failure(run: () => unknown): { message: string; offset: number } {
  try {
    run();
  } catch (e) {
    if (e instanceof ParseFailure) return { message: e.message, offset: e.offset };
    throw e;
  }
  throw new Error('expected a ParseFailure');
}

/** The values of every row of every statement, the way the dump importers take them: split, then lexed. */
function rowsOf(statements: string[], dialect: SqlDialect): SqlCell[][] {
  const rows: SqlCell[][] = [];
  for (const text of statements) {
    const lx = new SqlLexer(text, dialect);
    lx.pos = text.search(/\bVALUES\b/i) + 'VALUES'.length;
    do {
      lx.expect('(', "'('");
      const row: SqlCell[] = [];
      do row.push(readValue(lx));
      while (lx.eat(','));
      lx.expect(')', "')'");
      rows.push(row);
    } while (lx.eat(','));
  }
  return rows;
}

function split(syntax: SplitterSyntax, chunks: string[]): string[] {
  const splitter = new StatementSplitter(syntax);
  const items = [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
  return items.flatMap((i) => (i.kind === 'statement' && /^INSERT/i.test(i.text) ? [i.text] : []));
}

/** Every way of cutting `text` in two, plus one character at a time. */
function cuts(text: string): string[][] {
  const out: string[][] = [[...text]];
  for (let at = 0; at <= text.length; at++) out.push([text.slice(0, at), text.slice(at)]);
  return out;
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('SqlLexer tokens', () => {
  it('skips spaces, -- and /* */ comments before a token', () => {
    const lx = new SqlLexer(" \t\r\n-- a comment\n/* another\n one */ VALUES", 'mysql');
    expect(lx.keyword('VALUES')).toBe(true);
    expect(lx.peek()).toBe('');
    expect(lx.here()).toBe('the end of the statement');
  });

  it('leaves the position alone when the keyword is not next', () => {
    const lx = new SqlLexer('  INTO x', 'mysql');
    expect(lx.keyword('INSERT')).toBe(false);
    expect(lx.pos).toBe(0);
  });

  it('reads quoted names of each dialect, with a doubled closing quote standing for itself', () => {
    expect(new SqlLexer('`we``ird`', 'mysql').identifier()).toBe('we`ird');
    expect(new SqlLexer('"a""b"', 'pgsql').identifier()).toBe('a"b');
    expect(new SqlLexer('[hm]]x]', 'mssql').identifier()).toBe('hm]x');
    expect(new SqlLexer('[dbo].[hm_accounts]', 'mssql').qualifiedName()).toEqual(['dbo', 'hm_accounts']);
  });

  it('fails at the opening of an unterminated quoted name', () => {
    expect(failure(() => new SqlLexer('  [hm_acc', 'mssql').identifier())).toEqual({ message: 'unterminated quoted name', offset: 2 });
  });

  it('reports a string never closed at the end of the text', () => {
    const text = "'it''s open";
    expect(failure(() => new SqlLexer(text, 'mysql').string(true, {}))).toEqual({ message: 'string never closed', offset: text.length });
  });

  it('skips balanced parentheses with a ) inside a string', () => {
    const lx = new SqlLexer("(10, ')', (2)) rest", 'mysql');
    lx.skipParens();
    expect(lx.text.slice(lx.pos)).toBe(' rest');
  });

  it('fails on parentheses never closed', () => {
    expect(failure(() => new SqlLexer('((1)', 'mysql').skipParens()).message).toBe('parenthesis never closed');
  });
});

describe('string literals', () => {
  it("MySQL: backslash escapes, with \\% and \\_ kept for LIKE, and '' for a quote", () => {
    expect(value(String.raw`'a\'b\\c\n\0\Z\%\_\q'''`, 'mysql').cell).toBe("a'b\\c\n\0\x1a\\%\\_q'");
  });

  it('SQL Server and PostgreSQL standard strings: a backslash is a character', () => {
    expect(value(String.raw`N'C:\temp\new'`, 'mssql').cell).toBe('C:\\temp\\new');
    expect(value(String.raw`'C:\temp'`, 'pgsql').cell).toBe('C:\\temp');
  });

  it("PostgreSQL E'': named, octal, \\x, \\u and \\U escapes", () => {
    expect(value(String.raw`E'tab\there\101\x42\u00e9\U0001F600\q'`, 'pgsql').cell).toBe('tab\there\x41\x42\u00e9\u{1F600}q');
    expect(value(String.raw`e'it\'s'`, 'pgsql').cell).toBe("it's");
  });

  it("E'' is a PostgreSQL prefix only: elsewhere the E is an unsupported word", () => {
    expect(failure(() => value("E'x'", 'mysql'))).toEqual({ message: `unsupported value "E'x'"`, offset: 0 });
  });

  it('a malformed \\u escape keeps its letter', () => {
    expect(value(String.raw`E'\u12'`, 'pgsql').cell).toBe('u12');
  });

  it('keeps UTF-16 surrogate pairs and lone BOM-like characters of the text as they are', () => {
    expect(value("N'm\u00fcller \u{1F4E7} \uFEFF'", 'mssql').cell).toBe('m\u00fcller \u{1F4E7} \uFEFF');
  });
});

describe('binary and numeric literals', () => {
  it('reads 0x… and X\'…\' as bytes, an odd digit count with an implied leading zero', () => {
    expect(value('0xDEADbeef,', 'mssql')).toEqual({ cell: bytes(0xde, 0xad, 0xbe, 0xef), rest: ',' });
    expect(value('0xABC', 'mysql').cell).toEqual(bytes(0x0a, 0xbc));
    expect(value('0x', 'mssql').cell).toEqual(bytes());
    expect(value("X'0102'", 'mysql').cell).toEqual(bytes(1, 2));
  });

  it("reads B'…' bits as a number", () => {
    expect(value("b'101'", 'mysql').cell).toBe(5);
    expect(value("B''", 'mysql').cell).toBe(0);
  });

  it('keeps integers beyond 2^53 exact as bigints, and smaller ones as numbers', () => {
    expect(value('-42', 'mysql').cell).toBe(-42);
    expect(value('9007199254740991', 'mysql').cell).toBe(Number.MAX_SAFE_INTEGER);
    expect(value('18446744073709551615', 'mysql').cell).toBe(18446744073709551615n);
    expect(value('1.5e3', 'mysql').cell).toBe(1500);
    expect(value('.5', 'mysql').cell).toBe(0.5);
  });

  it('reads NULL, TRUE and FALSE in any case', () => {
    expect([value('null', 'mysql').cell, value('True', 'pgsql').cell, value('FALSE', 'mssql').cell]).toEqual([null, 1, 0]);
  });
});

describe('CAST, CONVERT and other wrappers', () => {
  it('CAST(0x… AS DateTime): days since 1900 and 1/300-second ticks', () => {
    expect(value('CAST(0x0000A0B100C5C100 AS DateTime)', 'mssql').cell).toBe('2012-08-18 12:00:00');
  });

  it('CAST(0x… AS SmallDateTime): days and minutes', () => {
    expect(value('cast(0xA0B10258 as smalldatetime)', 'mssql').cell).toBe('2012-08-18 10:00:00');
  });

  it('a datetime CAST of the wrong length keeps its bytes', () => {
    expect(value('CAST(0x0102 AS DateTime)', 'mssql').cell).toEqual(bytes(1, 2));
  });

  it('CAST to a decimal type makes a number; a sized type is skipped', () => {
    expect(value("CAST(N'12.50' AS Decimal(18, 2))", 'mssql').cell).toBe(12.5);
    expect(value("CAST(N'abc' AS Decimal(18, 2))", 'mssql').cell).toBe('abc');
    expect(value("CAST(N'x' AS NVarChar(255))", 'mssql').cell).toBe('x');
  });

  it('CONVERT(type, value, style)', () => {
    expect(value('CONVERT(datetime, 0x0000A0B100000000, 121)', 'mssql').cell).toBe('2012-08-18 00:00:00');
  });

  it('fails on a CAST without AS, at the end of the value before it', () => {
    const text = "CAST('1' INT)";
    expect(failure(() => value(text, 'mssql'))).toEqual({ message: 'expected AS in CAST but found " INT)"', offset: text.indexOf(' INT') });
  });

  it("{ts '…'} escapes, parentheses, charset introducers and PostgreSQL ::casts", () => {
    expect(value("{ts '2024-01-02 03:04:05'}", 'mssql').cell).toBe('2024-01-02 03:04:05');
    expect(value('((7))', 'mysql').cell).toBe(7);
    expect(value("_utf8mb4'x'", 'mysql').cell).toBe('x');
    expect(value("'2024-01-02'::timestamp(0) without time zone, 1", 'pgsql')).toEqual({ cell: '2024-01-02', rest: ', 1' });
  });

  it(`stops at ${MAX_VALUE_NESTING} levels of nesting instead of overflowing the stack`, () => {
    const deep = (n: number) => '('.repeat(n) + '1' + ')'.repeat(n);
    expect(value(deep(MAX_VALUE_NESTING - 1), 'mysql').cell).toBe(1);
    expect(failure(() => value(deep(MAX_VALUE_NESTING), 'mysql'))).toEqual({
      message: `value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)`,
      offset: MAX_VALUE_NESTING,
    });
  });
});

describe('behind the statement splitter', () => {
  it('MySQL: the same values whatever the chunk boundaries, across escapes and ;', () => {
    const dump = "INSERT INTO `hm_x` VALUES (1,'a;b\\'c',0x0A0B),(2,'\\\\',NULL);\nINSERT INTO `hm_x` VALUES (3,'x');\n";
    const expected = [[1, "a;b'c", bytes(10, 11)], [2, '\\', null], [3, 'x']];
    for (const chunks of cuts(dump)) expect(rowsOf(split(mysqlDump.syntax, chunks), 'mysql')).toEqual(expected);
  });

  it('MySQL: statements ended by a DELIMITER of its own, with the old terminator inside values', () => {
    const dump = "DELIMITER $$\nINSERT INTO hm_x VALUES (1,'a;b')$$\nDELIMITER ;\nINSERT INTO hm_x VALUES (2,'c$$d');\n";
    for (const chunks of cuts(dump)) expect(rowsOf(split(mysqlDump.syntax, chunks), 'mysql')).toEqual([[1, 'a;b'], [2, 'c$$d']]);
  });

  it('SQL Server: GO batches and statements without a terminator, CAST datetime included', () => {
    const script = "INSERT [dbo].[hm_x] ([a], [b]) VALUES (1, CAST(0x0000A0B100000000 AS DateTime))\nINSERT [dbo].[hm_x] ([a], [b]) VALUES (2, N'GO')\nGO\n";
    for (const chunks of cuts(script)) {
      expect(rowsOf(split(mssqlScript.syntax, chunks), 'mssql')).toEqual([[1, '2012-08-18 00:00:00'], [2, 'GO']]);
    }
  });

  it("PostgreSQL: a $$ body is not a statement end, and E'' strings keep their escapes", () => {
    const dump = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nINSERT INTO public.hm_x VALUES (1, E'a\\'b;c', '$$');\n";
    for (const chunks of cuts(dump)) expect(rowsOf(split(pgsqlDump.syntax, chunks), 'pgsql')).toEqual([[1, "a'b;c", '$$']]);
  });

  it('UTF-16 text decoded in byte chunks cut anywhere, a surrogate pair included', () => {
    const text = "INSERT [hm_x] VALUES (1, N'\u{1F4E7} m\u00fcller')\nGO\n";
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    for (let at = 0; at <= utf16.length; at++) {
      const decoder = new TextDecoder('utf-16le');
      const chunks = [decoder.decode(utf16.subarray(0, at), { stream: true }), decoder.decode(utf16.subarray(at))];
      expect(rowsOf(split(mssqlScript.syntax, chunks), 'mssql')).toEqual([[1, '\u{1F4E7} m\u00fcller']]);
    }
  });
});
