/** parseInsert and parseCreateTable on their own: each dialect's literals, the errors they give and where. */
import { describe, expect, it } from 'vitest';
import type { SqlCell } from '../../../src/lib/database/sqlCell.ts';
import type { SqlDialect } from '../../../src/lib/database/sqlDialect.ts';
import { parseCreateTable, parseInsert } from '../../../src/lib/database/sqlInsertParser.ts';
import { MAX_VALUE_NESTING } from '../../../src/lib/database/sqlValue.ts';

/** The single value of `INSERT INTO t VALUES (<literal>)`. */
function valueOf(literal: string, dialect: SqlDialect): SqlCell {
  const parsed = parseInsert(`INSERT INTO t VALUES (${literal})`, dialect);
  if ('error' in parsed) throw new Error(`${literal}: ${parsed.error}`);
  return parsed.rows[0][0];
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('parseInsert: statement shape', () => {
  it('reads a qualified, quoted table name, a column list and several rows, with comments between tokens', () => {
    expect(parseInsert('INSERT IGNORE INTO `db`.`HM_Accounts` (`AccountID`, "b", [c]) VALUES (1, \'x\', NULL) /* c */, (2,\'y\',-3) -- end\n;', 'mysql')).toEqual({
      table: 'hm_accounts',
      columns: ['accountid', 'b', 'c'],
      rows: [[1, 'x', null], [2, 'y', -3]],
    });
  });

  it('reads REPLACE, no INTO, no column list and an empty row', () => {
    expect(parseInsert('REPLACE t VALUES ()', 'mysql')).toEqual({ table: 't', columns: null, rows: [[]] });
  });

  it('a quoted name may hold its own quote doubled', () => {
    expect(parseInsert('INSERT INTO [a]]b] VALUES (1)', 'mssql')).toMatchObject({ table: 'a]b' });
  });

  it.each([
    ['SELECT 1', 'not an INSERT statement', 0],
    ['INSERT INTO t (a, b VALUES (1)', "expected ')' closing the column list but found \"VALUES (1)\"", 20],
    ['INSERT INTO t SELECT 1', 'expected VALUES but found "SELECT 1"', 14],
    ['INSERT INTO t VALUES (1, 2', "expected ',' or ')' in row 1 but found the end of the statement", 26],
    ['INSERT INTO t VALUES (1), 2', "expected '(' starting row 2 but found \"2\"", 26],
    ['INSERT INTO t VALUES (1); DROP TABLE x', 'unexpected "DROP TABLE x" after the last row', 26],
    ["INSERT INTO t VALUES ('open", 'string never closed', 27],
    ['INSERT INTO t VALUES (now())', 'unsupported value "now())"', 22],
    ['INSERT INTO `t VALUES (1)', 'unterminated quoted name', 12],
  ])('%s: %s at %i', (text, error, offset) => {
    expect(parseInsert(text, 'mysql')).toEqual({ error, offset });
  });

  it(`refuses values nested more than ${MAX_VALUE_NESTING} deep instead of overflowing the stack`, () => {
    const deep = `INSERT INTO t VALUES (${'('.repeat(100_000)}1${')'.repeat(100_000)})`;
    expect(parseInsert(deep, 'mysql')).toMatchObject({ error: `value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)` });
    expect(valueOf(`${'('.repeat(MAX_VALUE_NESTING - 1)}7${')'.repeat(MAX_VALUE_NESTING - 1)}`, 'mysql')).toBe(7);
  });
});

describe('parseInsert: numbers', () => {
  it.each<[string, SqlCell]>([
    ['0', 0],
    ['-12', -12],
    ['+7', 7],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['-2.5e3', -2500],
    ['1E2', 100],
    ['999999999999999', 999_999_999_999_999],
    ['9007199254740991', 9_007_199_254_740_991],
    ['-9007199254740991', -9_007_199_254_740_991],
    ['9007199254740993', 9_007_199_254_740_993n],
    ['-9223372036854775808', -9_223_372_036_854_775_808n],
    ['TRUE', 1],
    ['false', 0],
    ['null', null],
  ])('%s', (literal, expected) => {
    expect(valueOf(literal, 'mysql')).toEqual(expected);
  });
});

describe('parseInsert: strings per dialect', () => {
  it('MySQL: backslash escapes, doubled quotes, N and _charset prefixes', () => {
    expect(valueOf("'\\0\\b\\n\\r\\t\\Z\\%\\_\\'\\\"\\\\\\q'", 'mysql')).toBe('\0\b\n\r\t\x1a\\%\\_\'"\\q');
    expect(valueOf("'it''s'", 'mysql')).toBe("it's");
    expect(valueOf("N'naïve'", 'mysql')).toBe('naïve');
    expect(valueOf("_utf8mb4 'x'", 'mysql')).toBe('x');
    expect(valueOf("_binary 'bin'", 'mysql')).toBe('bin');
  });

  it('PostgreSQL and SQL Server: a backslash in a plain string is text', () => {
    expect(valueOf("'C:\\dir\\n'", 'pgsql')).toBe('C:\\dir\\n');
    expect(valueOf("N'C:\\x''s'", 'mssql')).toBe("C:\\x's");
  });

  it("PostgreSQL E'…': C escapes, octal, hex and Unicode", () => {
    expect(valueOf("E'a\\tb\\nc\\\\d\\'e'", 'pgsql')).toBe("a\tb\nc\\d'e");
    expect(valueOf("e'\\101\\x42\\u00e9\\U0001F600\\q'", 'pgsql')).toBe('ABé😀q');
    expect(valueOf("E'\\x4'", 'pgsql')).toBe('\x04');
    expect(valueOf("E'\\u12'", 'pgsql')).toBe('u12');
  });

  it("E'…' is only PostgreSQL's: elsewhere a bare E is an unsupported value", () => {
    expect(parseInsert("INSERT INTO t VALUES (E'x')", 'mysql')).toMatchObject({ error: expect.stringMatching(/^unsupported value/) });
  });

  it('PostgreSQL :: casts are dropped, with or without a type argument', () => {
    expect(valueOf("'2024-05-12 10:00:00'::timestamp without time zone", 'pgsql')).toBe('2024-05-12 10:00:00');
    expect(valueOf("'1.50'::numeric(10,2)", 'pgsql')).toBe('1.50');
  });
});

describe('parseInsert: binary literals', () => {
  it.each<[string, SqlCell]>([
    ['0x616263', bytes(0x61, 0x62, 0x63)],
    ['0XfF', bytes(0xff)],
    ['0x123', bytes(0x01, 0x23)],
    ['0x', bytes()],
    ["X'00ff10'", bytes(0, 255, 16)],
    ["x''", bytes()],
    ["B'101'", 5],
    ["b''", 0],
  ])('%s', (literal, expected) => {
    expect(valueOf(literal, 'mssql')).toEqual(expected);
  });
});

describe('parseInsert: SQL Server casts and escapes', () => {
  it('CAST(0x… AS DateTime): days since 1900-01-01 and 1/300-second ticks', () => {
    expect(valueOf('CAST(0x0000B176009C87AE AS DateTime)', 'mssql')).toBe('2024-05-20 09:29:54');
    expect(valueOf('CAST(0x0000000000000000 AS DATETIME)', 'mssql')).toBe('1900-01-01 00:00:00');
    expect(valueOf('CAST(0xFFFFFFFF00000000 AS datetime)', 'mssql')).toBe('1899-12-31 00:00:00');
  });

  it('CAST(0x… AS SmallDateTime): days and minutes', () => {
    expect(valueOf('CAST(0xB176023D AS SmallDateTime)', 'mssql')).toBe('2024-05-20 09:33:00');
  });

  it('binary of the wrong length for its date type stays bytes', () => {
    expect(valueOf('CAST(0x0102 AS DateTime)', 'mssql')).toEqual(bytes(1, 2));
  });

  it('CAST and CONVERT to decimal types give numbers; other types keep the value', () => {
    expect(valueOf("CAST(N'12.50' AS Decimal(18, 2))", 'mssql')).toBe(12.5);
    expect(valueOf("CAST('abc' AS money)", 'mssql')).toBe('abc');
    expect(valueOf("CAST(N'x' AS nvarchar(max))", 'mssql')).toBe('x');
    expect(valueOf("CONVERT(numeric(5,1), '3.5')", 'mssql')).toBe(3.5);
    expect(valueOf("CONVERT(datetime, 0x0000B17600000000, 121)", 'mssql')).toBe('2024-05-20 00:00:00');
  });

  it('CAST without AS is an error right after its value', () => {
    expect(parseInsert("INSERT INTO t VALUES (CAST('1' TO int))", 'mssql')).toEqual({ error: 'expected AS in CAST but found " TO int))"', offset: 30 });
  });

  it('{ts …} and {d …} ODBC escapes give their inner value', () => {
    expect(valueOf("{ts '2024-05-20 09:41:07.000'}", 'mssql')).toBe('2024-05-20 09:41:07.000');
    expect(valueOf("{d '2024-05-20'}", 'mssql')).toBe('2024-05-20');
    expect(parseInsert("INSERT INTO t VALUES ({ts '2024-05-20')", 'mssql')).toMatchObject({ error: "expected '}' closing the {ts …} escape but found \")\"" });
  });
});

describe('parseCreateTable', () => {
  it('lists column names in order and skips constraints, defaults, types with arguments and comments', () => {
    const text = [
      'CREATE TABLE IF NOT EXISTS `hm_accounts` (',
      "  `accountid` int(11) NOT NULL AUTO_INCREMENT COMMENT 'the id, (really)',",
      "  `accountaddress` varchar(255) NOT NULL DEFAULT ',',",
      '  `key` int,',
      '  PRIMARY KEY (`accountid`),',
      '  UNIQUE KEY `u` (`accountaddress`),',
      '  CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (c)',
      ') ENGINE=InnoDB;',
    ].join('\n');
    expect(parseCreateTable(text, 'mysql')).toEqual({ table: 'hm_accounts', columns: ['accountid', 'accountaddress', 'key'] });
  });

  it('reads pg_dump and SQL Server forms', () => {
    expect(parseCreateTable('CREATE UNLOGGED TABLE public.hm_x (\n    id bigint DEFAULT nextval(\'s\'::regclass) NOT NULL,\n    "Name" text\n);', 'pgsql')).toEqual({ table: 'hm_x', columns: ['id', 'name'] });
    expect(parseCreateTable('CREATE TABLE [dbo].[hm_y] ([id] [int] IDENTITY(1,1) NOT NULL, [Check] [ntext] NULL, CONSTRAINT [pk] PRIMARY KEY ([id]))', 'mssql')).toEqual({ table: 'hm_y', columns: ['id', 'check'] });
  });

  it('is null for anything else or a table never closed', () => {
    expect(parseCreateTable('CREATE INDEX i ON t (a)', 'mysql')).toBeNull();
    expect(parseCreateTable('INSERT INTO t VALUES (1)', 'mysql')).toBeNull();
    expect(parseCreateTable('CREATE TABLE t (a int, b', 'mysql')).toBeNull();
  });
});
