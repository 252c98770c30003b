"""Writes the sample database as SQL Server Management Studio's "Generate Scripts" (schema and data)
would: USE/GO batches, SET ANSI_NULLS/QUOTED_IDENTIFIER, CREATE TABLE [dbo].[…] with [type] columns and a
clustered primary key, SET IDENTITY_INSERT, INSERT [dbo].[…] ([cols]) VALUES (N'…', CAST(… AS DateTime)).
style 'ssms18': SSMS 18+ (GO after every INSERT, CAST(N'2024-05-12T09:00:00.000' AS DateTime)).
style 'ssms2008': SSMS 2008 (no GO between INSERTs, CAST(0x0000B1A700947B40 AS DateTime))."""
import datetime
import sys

import schema
from sampleRows import sample_rows

SCRIPT_DATE = '5/20/2024 9:41:07 AM'


def datetime_literal(text, style):
    when = datetime.datetime.strptime(text[:19], '%Y-%m-%d %H:%M:%S')
    if style == 'ssms18':
        return "CAST(N'%s.000' AS DateTime)" % when.strftime('%Y-%m-%dT%H:%M:%S')
    days = (when.date() - datetime.date(1900, 1, 1)).days
    ticks = (when.hour * 3600 + when.minute * 60 + when.second) * 300
    return 'CAST(0x%08X%08X AS DateTime)' % (days & 0xFFFFFFFF, ticks)


def literal(value, kind, style):
    if value is None:
        return 'NULL'
    if kind == 'time':
        return datetime_literal(value, style)
    if isinstance(value, int):
        return str(value)
    return "N'%s'" % str(value).replace("'", "''")


def script(path, extra_sql, style):
    out = ['USE [hMailServer]', 'GO']
    for table in schema.TABLES:
        cols = schema.columns(table)
        out.append('/****** Object:  Table [dbo].[%s]    Script Date: %s ******/' % (table, SCRIPT_DATE))
        out += ['SET ANSI_NULLS ON', 'GO', 'SET QUOTED_IDENTIFIER ON', 'GO']
        lines = ['\t[%s] %s %s' % (n, schema.mssql_type(n, k), 'NULL' if nullable else 'NOT NULL') for n, k, nullable in cols]
        key = next((n for n, k, _ in cols if k in ('id', 'bigid')), None)
        body = ',\n'.join(lines)
        if key:
            body += (',\n CONSTRAINT [%s_pk] PRIMARY KEY CLUSTERED \n(\n\t[%s] ASC\n)WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF, '
                     'IGNORE_DUP_KEY = OFF, ALLOW_ROW_LOCKS = ON, ALLOW_PAGE_LOCKS = ON, OPTIMIZE_FOR_SEQUENTIAL_KEY = OFF) ON [PRIMARY]') % (table, key)
        textimage = ' TEXTIMAGE_ON [PRIMARY]' if any(k == 'ntext' for _, k, _ in cols) else ''
        out += ['CREATE TABLE [dbo].[%s](\n%s\n) ON [PRIMARY]%s' % (table, body, textimage), 'GO']
    for table, (cols, rows) in sample_rows(path, extra_sql).items():
        if not rows:
            continue
        identity = any(k in ('id', 'bigid') for _, k, _ in cols)
        if identity:
            out.append('SET IDENTITY_INSERT [dbo].[%s] ON ' % table)
            out.append('GO' if style == 'ssms18' else '')
        names = ', '.join('[%s]' % c[0] for c in cols)
        for row in rows:
            values = ', '.join(literal(v, k, style) for v, (_, k, _) in zip(row, cols))
            out.append('INSERT [dbo].[%s] (%s) VALUES (%s)' % (table, names, values))
            if style == 'ssms18':
                out.append('GO')
        if identity:
            out.append('SET IDENTITY_INSERT [dbo].[%s] OFF' % table)
        out.append('GO')
    return '\r\n'.join(out) + '\r\n'


if __name__ == '__main__':
    sys.stdout.buffer.write(script(sys.argv[1], sys.argv[2], sys.argv[3]).encode('utf-8'))
