/**
 * What the examiner is told when a SQL Server Compact database (hMailServer.sdf) is dropped: no JavaScript
 * reader for the format exists, so it has to be exported on Windows into a script this tool loads. The
 * notice lands in the inventory and findings.json, so it never carries the password: the Overview shows
 * the commands with the password filled in, behind Reveal (exportSqlCeRoute.ts).
 */
import type { HmailIni } from '../model/hmailIni.ts';

export function sdfNotice(ini: HmailIni | null): string {
  const password =
    ini === null
      ? 'No hMailServer.ini was provided: the database password is its [Database] Password (Blowfish-encrypted when PasswordEncryption=1); drop the ini too and it is decrypted here.'
      : ini.databasePassword
        ? `The database password was decrypted from ${ini.path}: the Overview shows it in the commands on Reveal.`
        : ini.databasePasswordEncrypted
          ? `The database password in ${ini.path} could not be decrypted.`
          : `${ini.path} holds no database password (the database may have none).`;
  return [
    'SQL Server Compact database (.sdf): it cannot be read here and must be exported first, on Windows, from a copy of the file.',
    'Tool: ErikEJ\'s ExportSqlCE (SQL Server Compact Toolbox): ExportSqlCE40.exe for SQL CE 4.0 (hMailServer 5.7), ExportSqlCE.exe for SQL CE 3.5 (hMailServer 5.6); the matching SQL CE runtime, which hMailServer installs, must be present.',
    'The Overview gives the exact commands for this file, for the SQL Server script and for the SQLite variant, and how to check that the export is complete (row counts per table).',
    password,
  ].join('\n');
}
