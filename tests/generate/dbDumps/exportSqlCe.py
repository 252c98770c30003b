"""Writes the sample database as ErikEJ's ExportSqlCE40.exe (SqlCeToolbox) scripts an hMailServer.sdf:
`ExportSqlCE40.exe "Data Source=hMailServer.sdf;Password=…" out.sql` (dialect 'sqlce') and the same with the
argument `sqlite` (dialect 'sqlite'). No SQL Server Compact runtime runs here, so the tool's output is
reproduced from its source, ErikEJ/SqlCeToolbox (files read at the commits named):

  src/API/Program.cs @2e51ec6 Main: Generator4(repository, out, sqlAzure=false, preserveSqlDates=false, sqlite);
      ExcludeTables([]); sqlite: GenerateSqlitePrefix; GenerateTable(includeData=true); sqlite: data, indexes,
      GenerateSqliteSuffix; SQL CE: data, GeneratePrimaryKeys, GenerateIndex, GenerateForeignKeys;
      Helper.WriteIntoFile(script, out, FileCounter, sqlite).
  src/API/Generator/Generator.cs @068e48c
      fields  `_sep = "GO" + Environment.NewLine`, and `if (sqlite) _sep = string.Empty`       -> SEP
      Init    `-- Script Date: {0} {1}  - ErikEJ.SqlCeScripting version {2}` + GenerateDatabaseInfo:
              `-- Database information:`, `-- {key}: {value}` per GetDatabaseInfo item, blank line,
              `-- User Table information:`, `-- Number of tables: N`, `-- {table}: {GetRowCount} row(s)`,
              blank line                                                                      -> header()
      GenerateSqlitePrefix `SELECT 1;` `PRAGMA foreign_keys=OFF;` `BEGIN TRANSACTION;`; Suffix `COMMIT;`
      GenerateTableCreate `CREATE TABLE [{0}] ({NL}  `, each column `{line.Trim()}{NL}, `, drop the last
              ", "; SQL CE: `);{NL}` + SEP; SQLite: drop the NL too, GeneratePrimaryKeys inline, `{NL});{NL}`
      GenerateColumLine `[{name}] {type}({len}) {default}{NULL |NOT NULL }` for nvarchar; int/bigint:
              `[{name}] {type} {default}{IDENTITY (next,by) }{null}` (includeData -> AutoIncrementNext);
              SQLite: an identity int/bigint becomes `INTEGER` without IDENTITY            -> column_line()
      GenerateTableContent `SET IDENTITY_INSERT [{0}] ON;` NL SEP before the first row (SQL CE, identity
              tables), `INSERT INTO [{0}] ([a],[b]) VALUES (` (GetInsertScriptPrefix) NL, values joined by
              ",", `);` NL SEP per row, `SET IDENTITY_INSERT [{0}] OFF;` NL SEP after the loop even when the
              table is empty; NULL; String `N'…'` ('' doubled; no N for SQLite); DateTime `{ts '…'}` or
              SQLite `'…'` as yyyy-MM-dd HH:mm:ss.fff; byte[] `0x…` or SQLite `X'…'` (upper-case hex);
              byte/short/int/long/decimal invariant digits; bool 1/0                          -> literal()
      GeneratePrimaryKeys SQL CE `ALTER TABLE [{0}] ADD CONSTRAINT [{1}] PRIMARY KEY ([c]);` NL SEP;
              SQLite `{NL}, CONSTRAINT [{1}] PRIMARY KEY ([c])` inside CREATE TABLE
      GenerateSingleIndex unique on SQL CE `ALTER TABLE [{0}] ADD CONSTRAINT [{1}] UNIQUE ([c]);`, else
              `CREATE [UNIQUE ]INDEX [{name}] ON [{0}] ([c] ASC);` with SQLite name `{index}_{table}`; SEP
  src/API/Repositories/DBRepository.cs @09c8518 GetRowCount = CARDINALITY of the primary-key index, -1 for
      a table without one; GetDataFromReader orders by the primary key; GetAllColumns by table, ordinal.
  src/API/Generator/Helper.cs @33563dd WriteIntoFile: `sw.WriteLine(script)`, UTF-16LE with BOM
      (`new UnicodeEncoding()`) for SQL CE, UTF-8 without BOM for SQLite.

Environment.NewLine is CRLF (Windows). hMailServer's SQL CE schema is its MSSQL script with varchar turned
into nvarchar (shared/reference/hmailserver.md §1.3), so the column types are schema.py's SQL Server ones.
hMailServer has no foreign keys and no binary columns; literal() still writes bytes the tool's way.
Usage: python3 exportSqlCe.py <sample.sqlite> <extra-rows.sql> sqlce|sqlite > out.sql (bytes as written)."""
import datetime
import sys

import schema
from sampleRows import sample_rows

NL = '\r\n'
SCRIPT_DATE = '5/20/2024 9:41 AM'
SCRIPTING_VERSION = '3.5.2.95'
# SqlCeConnection.GetDatabaseInfo() items, then the ones DBRepository.GetSqlCeInfo adds.
DATABASE_INFO = [
    ('Locale Identifier', '1033'),
    ('Encryption Mode', 'Platform Default'),
    ('Case Sensitive', 'False'),
    ('Database', r'C:\Program Files (x86)\hMailServer\Database\hMailServer.sdf'),
    ('ServerVersion', '4.0.8876.1'),
    ('DatabaseSize', '1.06 MB'),
    ('SpaceAvailable', '3.99 GB'),
    ('Created', '5/20/2024 9:40 AM'),
]
# Indexes of hMailServer's MSSQL script (a sample: enough to show both forms the tool writes).
INDEXES = [
    ('hm_accounts', 'idx_hm_accounts', 'accountaddress', True),
    ('hm_messages', 'idx_hm_messages', 'messageaccountid', False),
    ('hm_imapfolders', 'idx_hm_imapfolders', 'folderaccountid', False),
]


def ce_type(name, kind):
    return schema.mssql_type(name, kind).replace('[', '').replace(']', '').replace(' IDENTITY(1,1)', '')


def key_of(cols):
    return next((n for n, k, _ in cols if k in ('id', 'bigid')), None)


def column_line(name, kind, nullable, next_id, sqlite):
    null = 'NULL ' if nullable else 'NOT NULL '
    data_type = ce_type(name, kind)
    if kind in ('id', 'bigid'):
        if sqlite:
            return ('[%s] INTEGER %s' % (name, null)).strip()
        return ('[%s] %s IDENTITY (%d,1) %s' % (name, data_type, next_id, null)).strip()
    return ('[%s] %s %s' % (name, data_type, null)).strip()


def literal(value, kind, sqlite):
    if value is None:
        return 'NULL'
    if isinstance(value, bytes):
        hex_digits = value.hex().upper()
        return "X'%s'" % hex_digits if sqlite else '0x' + hex_digits
    if kind == 'time':
        when = datetime.datetime.strptime(str(value)[:19], '%Y-%m-%d %H:%M:%S')
        text = when.strftime('%Y-%m-%d %H:%M:%S') + '.%03d' % (when.microsecond // 1000)
        return "'%s'" % text if sqlite else "{ts '%s'}" % text
    if isinstance(value, int):
        return str(value)
    return "%s'%s'" % ('' if sqlite else 'N', str(value).replace("'", "''"))


def header(tables):
    out = ['-- Script Date: %s  - ErikEJ.SqlCeScripting version %s' % (SCRIPT_DATE, SCRIPTING_VERSION), '-- Database information:']
    out += ['-- %s: %s' % kv for kv in DATABASE_INFO]
    out += ['', '-- User Table information:', '-- Number of tables: %d' % len(tables)]
    for table, (cols, rows) in tables:
        out.append('-- %s: %d row(s)' % (table, len(rows) if key_of(cols) else -1))
    out.append('')
    return NL.join(out) + NL


def script(path, extra_sql, dialect):
    sqlite = dialect == 'sqlite'
    sep = '' if sqlite else 'GO' + NL
    found = sample_rows(path, extra_sql)
    tables = [(t, found.get(t, (schema.columns(t), []))) for t in sorted(schema.TABLES)]
    out = [header(tables)]
    if sqlite:
        out.append('SELECT 1;' + NL + 'PRAGMA foreign_keys=OFF;' + NL + 'BEGIN TRANSACTION;' + NL)
    for table, (cols, rows) in tables:
        key = key_of(cols)
        next_id = (max((r[[c[0] for c in cols].index(key)] for r in rows), default=0) + 1) if key else 0
        body = 'CREATE TABLE [%s] (%s  ' % (table, NL)
        body += ''.join('%s%s, ' % (column_line(n, k, nullable, next_id, sqlite), NL) for n, k, nullable in cols)
        body = body[:-2]
        if sqlite:
            body = body[:-2]
            if key:
                body += '%s, CONSTRAINT [%s_pk] PRIMARY KEY ([%s])' % (NL, table, key)
            body += '%s);%s' % (NL, NL)
        else:
            body += ');' + NL + sep
        out.append(body)
    for table, (cols, rows) in tables:
        key = key_of(cols)
        names = [c[0] for c in cols]
        if key:
            rows = sorted(rows, key=lambda r: r[names.index(key)])
        identity = key is not None and not sqlite
        prefix = 'INSERT INTO [%s] (%s) VALUES (' % (table, ','.join('[%s]' % n for n in names))
        for i, row in enumerate(rows):
            if i == 0 and identity:
                out.append('SET IDENTITY_INSERT [%s] ON;%s%s' % (table, NL, sep))
            out.append(prefix + NL + ','.join(literal(v, k, sqlite) for v, (_, k, _) in zip(row, cols)) + ');' + NL + sep)
        if identity:
            out.append('SET IDENTITY_INSERT [%s] OFF;%s%s' % (table, NL, sep))
    if not sqlite:
        for table, (cols, _) in tables:
            key = key_of(cols)
            if key:
                out.append('ALTER TABLE [%s] ADD CONSTRAINT [%s_pk] PRIMARY KEY ([%s]);%s%s' % (table, table, key, NL, sep))
    for table, name, column, unique in INDEXES:
        if unique and not sqlite:
            out.append('ALTER TABLE [%s] ADD CONSTRAINT [%s] UNIQUE ([%s]);%s%s' % (table, name, column, NL, sep))
        else:
            index = name + '_' + table if sqlite else name
            out.append('CREATE %sINDEX [%s] ON [%s] ([%s] ASC);%s%s' % ('UNIQUE ' if unique else '', index, table, column, NL, sep))
    if sqlite:
        out.append('COMMIT;' + NL)
    text = ''.join(out) + NL
    return text.encode('utf-8') if sqlite else b'\xff\xfe' + text.encode('utf-16-le')


if __name__ == '__main__':
    sys.stdout.buffer.write(script(sys.argv[1], sys.argv[2], sys.argv[3]))
