/**
 * pg_dump plain output: COPY … FROM stdin blocks (tab-separated, \N = NULL, backslash escapes) and the
 * --inserts / --column-inserts forms; psql meta-commands (\connect, \restrict) are skipped.
 */
import { firstWord, type DumpDialect } from './dumpLoader.ts';
import type { SqlCell } from './sqlCell.ts';

const HARMLESS = new Set(['SET', 'SELECT', 'ALTER', 'CREATE', 'DROP', 'COMMENT', 'GRANT', 'REVOKE', 'BEGIN', 'COMMIT', 'START', 'REFRESH']);

const COPY_HEAD = /^COPY\s+((?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*))*)\s*(?:\(([^)]*)\))?\s+FROM\s+stdin/i;

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function unquote(name: string): string {
  const n = name.trim();
  return n.startsWith('"') ? n.slice(1, -1).replace(/""/g, '"') : n.toLowerCase();
}

/** One COPY text-format field: \N is NULL, backslash sequences as PostgreSQL writes them. */
function copyField(raw: string): SqlCell {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))/g, (_m, oct: string, hex: string, ch: string) => {
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return COPY_ESCAPES[ch] ?? ch;
  });
}

export const pgsqlDump: DumpDialect = {
  syntax: {
    backslashEscapes: false,
    backticks: false,
    brackets: false,
    hashComments: false,
    dollarQuotes: true,
    metaCommands: true,
    copyFromStdin: true,
    delimiterCommand: false,
    goBatches: false,
  },
  createHandler: (loader) => {
    let copy: { table: string; columns: string[] | null; text: string } | null = null;
    return (item) => {
      if (item.kind === 'copy-row') {
        if (copy?.table) loader.rows(copy.table, copy.columns, [item.text.split('\t').map(copyField)], item.line, item.text);
        return;
      }
      if (item.kind === 'copy-end') {
        copy = null;
        return;
      }
      if (loader.unterminated(item) || item.text.startsWith('\\')) return;
      const word = firstWord(item.text);
      if (word === null) return;
      if (word === 'COPY') {
        const m = COPY_HEAD.exec(item.text);
        if (!m) {
          loader.problem(item.line, item.text, 'COPY statement not understood: its data lines are skipped');
          copy = { table: '', columns: null, text: item.text };
          return;
        }
        const parts = m[1].split(/\s*\.\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        const table = unquote(parts[parts.length - 1]);
        const columns = m[2] === undefined ? null : m[2].split(',').map(unquote);
        copy = { table, columns, text: item.text };
      } else if (word === 'INSERT') {
        loader.insert(item.text, item.line);
      } else if (word === 'CREATE') {
        loader.learnCreateTable(item.text, item.line);
      } else if (!HARMLESS.has(word)) {
        loader.unknown(item.text, item.line);
      }
    };
  },
};
