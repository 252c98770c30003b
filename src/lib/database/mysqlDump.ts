/** mysqldump / mariadb-dump output: extended INSERTs, `names`, conditional comments, LOCK TABLES. */
import { firstWord, type DumpDialect } from './dumpLoader.ts';

/** Statements a dump carries that set up the session or the schema: nothing to load, nothing to report. */
const HARMLESS = new Set([
  'SET', 'LOCK', 'UNLOCK', 'DROP', 'CREATE', 'ALTER', 'USE', 'START', 'COMMIT', 'BEGIN', 'ROLLBACK', 'SAVEPOINT',
  'RELEASE', 'FLUSH', 'ANALYZE', 'OPTIMIZE', 'GRANT', 'REVOKE', 'SELECT',
]);

export const mysqlDump: DumpDialect = {
  syntax: {
    backslashEscapes: true,
    backticks: true,
    brackets: false,
    hashComments: true,
    dollarQuotes: false,
    metaCommands: false,
    copyFromStdin: false,
    delimiterCommand: true,
    goBatches: false,
  },
  createHandler: (loader) => (item) => {
    if (item.kind !== 'statement' || loader.unterminated(item)) return;
    const word = firstWord(item.text);
    if (word === null) return;
    if (word === 'INSERT' || word === 'REPLACE') loader.insert(item.text, item.line);
    else if (word === 'CREATE') loader.learnCreateTable(item.text, item.line);
    else if (!HARMLESS.has(word)) loader.unknown(item.text, item.line);
  },
};
