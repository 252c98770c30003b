/**
 * The copy-ready route out of a SQL Server Compact hMailServer.sdf: ErikEJ's ExportSqlCe command line
 * (SqlCeToolbox src/API/Program.cs: `ExportSqlCE40.exe "[connection string]" [output file] [sqlite]`) for
 * this file, in both of its script dialects, with the database password filled in when it is known.
 * hMailServer 5.6 uses SQL CE 3.5 SP2 (ExportSqlCE.exe), 5.7 SQL CE 4.0 (ExportSqlCE40.exe); each tool
 * needs its runtime, which the matching hMailServer installs (../shared/reference/hmailserver.md §1.3).
 */

export type SqlCeEngine = '4.0' | '3.5';

export interface ExportSqlCeCommands {
  /** The SQL CE script (UTF-16LE): drop it as it is. */
  sqlCe: string;
  /** The SQLite-flavoured script (UTF-8): drop it as it is, or turn it into a database with `sqlite3`. */
  sqlite: string;
  /** Builds hMailServer.sqlite from the SQLite-flavoured script. */
  sqlite3: string;
  /** Prints the SHA-256 of the copy, to compare with the one the inventory lists. */
  hash: string;
}

export const EXPORT_SQLCE_EXE: Record<SqlCeEngine, string> = { '4.0': 'ExportSqlCE40.exe', '3.5': 'ExportSqlCE.exe' };

/**
 * A connection-string value as DbConnectionStringBuilder reads it back: quoted when it holds a separator,
 * a quote or edge spaces; single quotes unless the value has one, else double quotes doubled inside.
 */
function connectionValue(value: string): string {
  if (!/[;'"]|^\s|\s$/.test(value)) return value;
  return value.includes("'") ? `"${value.replace(/"/g, '""')}"` : `'${value}'`;
}

/** One command-line argument for a Windows program (MSVCRT rules): double quotes escaped with a backslash. */
function windowsArgument(value: string): string {
  return `"${value.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

function baseNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || 'hMailServer.sdf';
}

/**
 * @param sdfPath the evidence path of the .sdf; the commands run in a folder holding a copy of it
 * @param password the database password, or null to leave a placeholder the examiner fills in
 */
export function exportSqlCeCommands(sdfPath: string, password: string | null, engine: SqlCeEngine): ExportSqlCeCommands {
  const file = baseNameOf(sdfPath);
  const stem = file.replace(/\.[^.]*$/, '') || 'hMailServer';
  const exe = EXPORT_SQLCE_EXE[engine];
  const passwordPart = password === null ? 'Password=<database password>' : password === '' ? '' : `Password=${connectionValue(password)}`;
  const connection = windowsArgument([`Data Source=${file}`, passwordPart].filter((p) => p !== '').join(';'));
  return {
    sqlCe: `${exe} ${connection} ${stem}.sql`,
    sqlite: `${exe} ${connection} ${stem}-sqlite.sql sqlite`,
    sqlite3: `sqlite3 ${stem}.sqlite < ${stem}-sqlite.sql`,
    hash: `certutil -hashfile ${windowsArgument(file)} SHA256`,
  };
}
