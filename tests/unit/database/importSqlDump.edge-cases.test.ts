import { describe, expect, it } from 'vitest';
import { importSqlDump, type DumpFormat } from '../../../src/lib/database/importSqlDump.ts';
import { chunkedStream, emptyDb } from './dbTestKit.ts';

async function load(text: string, format: DumpFormat, chunk = 3) {
  const db = await emptyDb();
  const problems = await importSqlDump(db, chunkedStream(new TextEncoder().encode(text), chunk), format);
  const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
  return { problems, rows };
}

describe('importSqlDump edge cases', () => {
  it('ExportSqlCe: binary literals in both dialects (0x… in the SQL CE script, X\'…\' in the SQLite one), a legacy hm_ table', async () => {
    for (const [dialect, blob] of [['sqlce', '0x00FF10'], ['sqlite', "X'00FF10'"]]) {
      const go = dialect === 'sqlce' ? '\r\nGO' : '';
      const { problems, rows } = await load(
        [
          '-- Script Date: 5/20/2024 9:41 AM  - ErikEJ.SqlCeScripting version 3.5.2.95',
          '-- User Table information:',
          '-- Number of tables: 1',
          '-- hm_legacy_blobs: 2 row(s)',
          '',
          dialect === 'sqlite' ? 'SELECT 1;\r\nPRAGMA foreign_keys=OFF;\r\nBEGIN TRANSACTION;' : 'SET IDENTITY_INSERT [hm_legacy_blobs] ON;\r\nGO',
          `INSERT INTO [hm_legacy_blobs] ([id],[data]) VALUES (\r\n1,${blob});${go}`,
          `INSERT INTO [hm_legacy_blobs] ([id],[data]) VALUES (\r\n2,NULL);${go}`,
          dialect === 'sqlite' ? 'COMMIT;' : 'SET IDENTITY_INSERT [hm_legacy_blobs] OFF;\r\nGO',
        ].join('\r\n'),
        'mssql-script',
      );
      expect(problems, dialect).toEqual([]);
      expect(rows('SELECT id, hex(data) FROM hm_legacy_blobs ORDER BY id'), dialect).toEqual([[1, '00FF10'], [2, '']]);
    }
  });

  it('mysqldump: escapes, _binary and hex literals, 4-byte UTF-8 cut by chunks, DELIMITER blocks', async () => {
    const { problems, rows } = await load(
      [
        'DELIMITER ;;',
        "/*!50003 CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 'x;y'; END */;;",
        'DELIMITER ;',
        "INSERT INTO `hm_settings` (`settingid`,`settingname`,`settingstring`,`settinginteger`) VALUES (1,'a','\\0\\'\\\"\\n\\r\\t\\Z\\\\\\%😀',0),(2,_binary 'bin',0x616263,-5),(3,'h',X'4142',0x10);",
      ].join('\n'),
      'mysql-dump',
    );
    expect(problems).toEqual([]);
    expect(rows('SELECT settingid, settingname, settingstring, settinginteger FROM hm_settings')).toEqual([
      [1, 'a', '\0\'"\n\r\t\x1a\\\\%😀', 0],
      [2, 'bin', 'abc', -5],
      [3, 'h', 'AB', 16],
    ]);
  });

  it('pg_dump: COPY escapes and NULL, a $$ body containing ; and quotes, \\restrict lines, E strings', async () => {
    const { problems, rows } = await load(
      [
        '\\restrict abc',
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$ begin perform 'it''s; fine'; end; $fn$;",
        'COPY public.hm_aliases (aliasid, aliasname, aliasvalue, aliasactive) FROM stdin;',
        '1\ta\\tb\\\\c\t\\N\t1',
        '2\tline\\nbreak\t\\101\\x42\t0',
        '\\.',
        "INSERT INTO public.hm_aliases VALUES (3, 1, E'x\\ty', 'it''s', 1);",
        '\\unrestrict abc',
      ].join('\n'),
      'pgsql-dump',
    );
    expect(problems).toEqual([
      {
        line: 7,
        statement: "INSERT INTO public.hm_aliases VALUES (3, 1, E'x\\ty', 'it''s', 1)",
        reason: "no column list and no CREATE TABLE for hm_aliases: hMailServer's own column order was assumed",
      },
    ]);
    expect(rows('SELECT aliasid, aliasdomainid, aliasname, aliasvalue, aliasactive FROM hm_aliases')).toEqual([
      [1, null, 'a\tb\\c', null, 1],
      [2, null, 'line\nbreak', 'AB', 0],
      [3, 1, 'x\ty', "it's", 1],
    ]);
  });

  it('SQL Server Compact export style: INSERT INTO [t] … {ts …}; GO, and SSMS 2008 binary dates', async () => {
    const { problems, rows } = await load(
      [
        '-- Script Date: 20.05.2024 09:41',
        'SET IDENTITY_INSERT [hm_logon_failures] ON;',
        'GO',
        "INSERT INTO [hm_logon_failures] ([ipaddress1],[ipaddress2],[failuretime]) VALUES (3232261141,NULL,{ts '2024-05-12 08:59:01.000'});",
        'GO',
        'INSERT [dbo].[hm_logon_failures] ([ipaddress1], [ipaddress2], [failuretime]) VALUES (1, NULL, CAST(0x0000B16E00C5C100 AS DateTime))',
        'INSERT [dbo].[hm_logon_failures] ([ipaddress1], [ipaddress2], [failuretime]) VALUES (2, NULL, CAST(0xB16E0001 AS SmallDateTime))',
        "INSERT [dbo].[hm_logon_failures] ([ipaddress1], [ipaddress2], [failuretime]) VALUES (3, NULL, CONVERT(datetime, N'2024-05-12 07:00:00', 120))",
        'INSERT [dbo].[hm_logon_failures] ([ipaddress1], [ipaddress2], [failuretime]) VALUES (4, NULL, CAST(0x0102 AS DateTime2))',
        'SET IDENTITY_INSERT [hm_logon_failures] OFF',
        'GO',
      ].join('\r\n'),
      'mssql-script',
    );
    expect(problems).toEqual([
      {
        line: 9,
        statement: 'INSERT [dbo].[hm_logon_failures] ([ipaddress1], [ipaddress2], [failuretime]) VALUES (4, NULL, CAST(0x0102 AS DateTime2))',
        reason: 'binary date-time value in hm_logon_failures.failuretime could not be decoded: stored as NULL',
      },
    ]);
    expect(rows('SELECT ipaddress1, failuretime FROM hm_logon_failures')).toEqual([
      [3232261141, '2024-05-12 08:59:01'],
      [1, '2024-05-12 12:00:00'],
      [2, '2024-05-12 00:01:00'],
      [3, '2024-05-12 07:00:00'],
      [4, null],
    ]);
  });

  it('keeps every digit of 64-bit values', async () => {
    const { rows } = await load(
      'INSERT INTO hm_logon_failures (ipaddress1, ipaddress2, failuretime) VALUES (-108086391056891904, 9223372036854775807, NULL);',
      'mysql-dump',
    );
    expect(rows('SELECT CAST(ipaddress1 AS TEXT), CAST(ipaddress2 AS TEXT) FROM hm_logon_failures')).toEqual([
      ['-108086391056891904', '9223372036854775807'],
    ]);
  });

  it('reports unknown columns and foreign tables once, loads legacy hm_* tables as found', async () => {
    const { problems, rows } = await load(
      [
        "INSERT INTO hm_aliases (aliasid, aliasname, bogus) VALUES (1, 'a', 'x'), (2, 'b', 'y');",
        'INSERT INTO wp_posts (id) VALUES (1);',
        'INSERT INTO wp_posts (id) VALUES (2);',
        "INSERT INTO hm_serverlog (logid, logtext) VALUES (1, 'old evidence');",
      ].join('\n'),
      'mysql-dump',
    );
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [1, "column bogus of hm_aliases is not in hMailServer's schema: its values were not loaded"],
      [2, 'rows of table wp_posts not loaded: not an hMailServer (hm_*) table'],
    ]);
    expect(rows('SELECT aliasid, aliasname FROM hm_aliases')).toEqual([[1, 'a'], [2, 'b']]);
    expect(rows('SELECT logid, logtext FROM hm_serverlog')).toEqual([[1, 'old evidence']]);
  });

  it('UTF-16 scripts, little- or big-endian, with or without a byte-order mark, cut at every odd byte', async () => {
    const text = "INSERT [dbo].[hm_aliases] ([aliasid], [aliasname], [aliasvalue]) VALUES (1, N'ünïcode', N'😀 ok')\r\nGO\r\n";
    const le = (t: string) => new Uint8Array(Buffer.from(t, 'utf16le'));
    const be = (t: string) => le(t).map((_, i, a) => a[i ^ 1]);
    const encodings: [string, Uint8Array][] = [
      ['UTF-16LE with BOM', le(`\uFEFF${text}`)],
      ['UTF-16LE without BOM', le(text)],
      ['UTF-16BE with BOM', be(`\uFEFF${text}`)],
      ['UTF-16BE without BOM', be(text)],
    ];
    for (const [name, bytes] of encodings) {
      for (const chunk of [1, 3, 5, bytes.length]) {
        const db = await emptyDb();
        const problems = await importSqlDump(db, chunkedStream(bytes, chunk), 'mssql-script');
        expect(problems, `${name}, chunks of ${chunk}`).toEqual([]);
        expect(db.exec('SELECT aliasid, aliasname, aliasvalue FROM hm_aliases')[0]?.values, `${name}, chunks of ${chunk}`).toEqual([[1, 'ünïcode', '😀 ok']]);
      }
    }
  });

  it('reports progress in bytes and stops on abort', async () => {
    const bytes = new TextEncoder().encode("INSERT INTO hm_aliases (aliasid) VALUES (1);\n".repeat(50));
    const seen: number[] = [];
    await importSqlDump(await emptyDb(), chunkedStream(bytes, 500), 'mysql-dump', { onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen.length).toBe(Math.ceil(bytes.length / 500));

    const controller = new AbortController();
    controller.abort();
    await expect(importSqlDump(await emptyDb(), chunkedStream(bytes, 500), 'mysql-dump', { signal: controller.signal })).rejects.toThrow();
  });
});
