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

const GO_LINE = /(^|\n)[ \t]*GO([ \t]+\d+)?[ \t]*\r?$/im;
const ENDS_WITH_GO = /(^|\n)[ \t]*GO([ \t]+\d+)?\s*$/i;

/**
 * Watches a script's text for truncation: SSMS ends every batch, the last one included, with a GO line,
 * so a script that uses GO but does not end with one was cut off. Statements need no terminator there,
 * so the cut is otherwise invisible when it falls between two statements.
 */
export class MssqlScriptEnd {
  private sawGo = false;
  private tail = '';

  push(text: string): void {
    const joined = this.tail + text;
    if (!this.sawGo && GO_LINE.test(joined)) this.sawGo = true;
    this.tail = joined.slice(-256);
  }

  /** Why the script looks cut off, or null. */
  truncation(): string | null {
    if (!this.sawGo || ENDS_WITH_GO.test(this.tail)) return null;
    return 'the script does not end with GO after its last batch: it was cut off, and its last statement may be incomplete (truncated)';
  }
}

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
