"""Rows of the shared sample's SQLite database (hMailServer tables), made fit for hMailServer's real
schema: NULL in a NOT NULL column becomes that column's neutral value ('' / 0), and a NULL date-time
becomes 2001-01-01 00:00:00, the placeholder hMailServer's own default rows carry."""
import sqlite3

import schema

NEUTRAL_TIME = '2001-01-01 00:00:00'


def with_extra_rows(path, extra_sql):
    """The sample database in memory, with the missing hMailServer tables created and extra rows added."""
    db = sqlite3.connect(':memory:')
    sqlite3.connect(path).backup(db)
    for table in schema.TABLES:
        db.execute('create table if not exists %s (%s)' % (table, ', '.join(c[0] for c in schema.columns(table))))
    db.executescript(open(extra_sql, encoding='utf-8').read())
    return db


def sample_rows(path, extra_sql):
    db = with_extra_rows(path, extra_sql)
    out = {}
    present = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
    for table in schema.TABLES:
        if table not in present:
            continue
        cols = schema.columns(table)
        names = [c[0] for c in cols]
        rows = []
        for row in db.execute('select %s from %s order by rowid' % (', '.join(names), table)):
            fixed = []
            for value, (name, kind, nullable) in zip(row, cols):
                if value is None and not nullable:
                    value = NEUTRAL_TIME if kind == 'time' else ('' if kind.startswith('text') or kind == 'ntext' else 0)
                fixed.append(value)
            rows.append(fixed)
        out[table] = (cols, rows)
    return out


def literal(value, engine):
    if value is None:
        return 'NULL'
    if isinstance(value, int):
        return str(value)
    text = str(value).replace("'", "''")
    if engine == 'mysql':
        text = text.replace('\\', '\\\\')
    return "'%s'" % text


def insert_statements(path, extra_sql, engine):
    out = []
    for table, (cols, rows) in sample_rows(path, extra_sql).items():
        names = ', '.join(c[0] for c in cols)
        for row in rows:
            out.append('insert into %s (%s) values (%s);' % (table, names, ', '.join(literal(v, engine) for v in row)))
    return '\n'.join(out) + '\n'
