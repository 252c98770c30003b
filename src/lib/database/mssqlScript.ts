/**
 * SQL Server scripts: SSMS "Generate Scripts" (INSERT [dbo].[t] (…) VALUES (N'…', CAST(N'…' AS DateTime)),
 * GO batches, SET IDENTITY_INSERT) and ErikEJ's ExportSqlCe for SQL Server Compact in both of its dialects:
 * the SQL CE script (INSERT INTO [t] (…) VALUES (N'…', {ts '…'}, 0x…); GO) and the SQLite one (no GO, no N,
 * '…' dates, X'…' bytes, PRAGMA foreign_keys=OFF and BEGIN TRANSACTION … COMMIT around it).
 */
import { firstWord, type DumpDialect } from './dumpLoader.ts';

const HARMLESS = new Set([
  'SET', 'USE', 'ALTER', 'IF', 'BEGIN', 'END', 'EXEC', 'EXECUTE', 'PRINT', 'DROP', 'GRANT', 'DECLARE', 'CREATE',
  'DENY', 'REVOKE', 'COMMIT', 'ROLLBACK', 'SELECT', 'PRAGMA',
]);

export const mssqlScript: DumpDialect = {
  syntax: {
    backslashEscapes: false,
    backticks: false,
    brackets: true,
    hashComments: false,
    dollarQuotes: false,
    metaCommands: false,
    copyFromStdin: false,
    delimiterCommand: false,
    goBatches: true,
  },
  createHandler: (loader) => (item) => {
    if (item.kind !== 'statement' || loader.unterminated(item)) return;
    const word = firstWord(item.text);
    if (word === null) return;
    if (word === 'INSERT') loader.insert(item.text, item.line);
    else if (word === 'CREATE') loader.learnCreateTable(item.text, item.line);
    else if (!HARMLESS.has(word)) loader.unknown(item.text, item.line);
  },
};
