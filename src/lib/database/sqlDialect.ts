/** The tool that wrote a dump: mysqldump, pg_dump --inserts or a SQL Server script. Literal syntax follows it. */
export type SqlDialect = 'mysql' | 'pgsql' | 'mssql';
