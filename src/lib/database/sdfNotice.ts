/**
 * What the examiner is told when a SQL Server Compact database (hMailServer.sdf) is dropped: no JavaScript
 * reader for the format exists, so it has to be exported on Windows into a format this tool loads.
 */
import type { HmailIni } from '../model/hmailIni.ts';

export function sdfNotice(ini: HmailIni | null): string {
  const password =
    ini === null
      ? 'No hMailServer.ini was provided: the database password is its [Database] Password (Blowfish-encrypted when PasswordEncryption=1); drop the ini too and it is decrypted here.'
      : ini.databasePassword
        ? `Database password from ${ini.path}: ${ini.databasePassword}`
        : ini.databasePasswordEncrypted
          ? `The database password in ${ini.path} could not be decrypted.`
          : `${ini.path} holds no database password (the database may have none).`;
  return [
    'SQL Server Compact database (.sdf): it cannot be read here and must be exported first, on Windows, from a copy of the file.',
    'Free tool: ErikEJ\'s SQL Server Compact Toolbox and its command-line ExportSqlCE (ExportSqlCE.exe for SQL CE 3.5 = hMailServer 5.6, ExportSqlCE40.exe for 4.0 = hMailServer 5.7; the matching SQL CE runtime must be installed).',
    'SQL Server script, loaded as is: ExportSqlCE.exe "Data Source=hMailServer.sdf;Password=<password>" hMailServer.sql',
    'Or SQLite: add the argument sqlite to the same command, run the script with sqlite3 (sqlite3 hMailServer.sqlite < hMailServer.sql) and drop hMailServer.sqlite.',
    password,
  ].join('\n');
}
