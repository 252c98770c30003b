/**
 * Reads the two statements a dump's data depends on: INSERT … VALUES (multi-row, with or without a
 * column list) and CREATE TABLE (for column order). Literal syntax follows the dialect that wrote the
 * dump: mysqldump, pg_dump --inserts, SQL Server scripts (N'…', CAST(… AS DateTime), {ts '…'}).
 */
import type { SqlCell } from './sqlCell.ts';
import type { SqlDialect } from './sqlDialect.ts';
import { MYSQL_ESCAPES } from './sqlEscapes.ts';
import { ParseFailure, SqlLexer } from './sqlLexer.ts';
import { readValue } from './sqlValue.ts';

export interface ParsedInsert {
  /** Last part of the qualified name, lower case (hMailServer's names are lower case). */
  table: string;
  columns: string[] | null;
  rows: SqlCell[][];
}

export interface SqlParseError {
  error: string;
  /** Character offset in the statement text where reading stopped. */
  offset: number;
}

const CONSTRAINT_WORDS = new Set([
  'PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'CONSTRAINT', 'FOREIGN', 'CHECK', 'FULLTEXT', 'SPATIAL', 'EXCLUDE', 'LIKE', 'PERIOD',
]);

function tableOf(parts: string[]): string {
  return parts[parts.length - 1].toLowerCase();
}

/** Parses INSERT [IGNORE] [INTO] name [(columns)] VALUES (…), (…)[;] — nothing else. */
export function parseInsert(text: string, dialect: SqlDialect): ParsedInsert | SqlParseError {
  const lx = new SqlLexer(text, dialect);
  try {
    if (!lx.keyword('INSERT') && !lx.keyword('REPLACE')) lx.fail('not an INSERT statement');
    lx.keyword('IGNORE');
    lx.keyword('INTO');
    const table = tableOf(lx.qualifiedName());
    let columns: string[] | null = null;
    if (lx.eat('(')) {
      columns = [];
      do columns.push(lx.identifier().toLowerCase());
      while (lx.eat(','));
      lx.expect(')', "')' closing the column list");
    }
    if (!lx.keyword('VALUES')) lx.fail(`expected VALUES but found ${lx.here()}`);
    const rows: SqlCell[][] = [];
    do {
      lx.expect('(', `'(' starting row ${rows.length + 1}`);
      const row: SqlCell[] = [];
      if (lx.peek() !== ')') {
        do row.push(readValue(lx));
        while (lx.eat(','));
      }
      lx.expect(')', `',' or ')' in row ${rows.length + 1}`);
      rows.push(row);
    } while (lx.eat(','));
    lx.eat(';');
    if (lx.peek() !== '') lx.fail(`unexpected ${lx.here()} after the last row`);
    return { table, columns, rows };
  } catch (err) {
    if (err instanceof ParseFailure) return { error: err.message, offset: err.offset };
    throw err;
  }
}

/** Column names, in order, of CREATE TABLE [IF NOT EXISTS] name ( … ); null when it is not one. */
export function parseCreateTable(text: string, dialect: SqlDialect): { table: string; columns: string[] } | null {
  const lx = new SqlLexer(text, dialect);
  try {
    if (!lx.keyword('CREATE')) return null;
    lx.keyword('TEMPORARY');
    lx.keyword('UNLOGGED');
    if (!lx.keyword('TABLE')) return null;
    if (lx.keyword('IF')) {
      lx.keyword('NOT');
      lx.keyword('EXISTS');
    }
    const table = tableOf(lx.qualifiedName());
    lx.expect('(', "'(' after the table name");
    const columns: string[] = [];
    for (;;) {
      const c = lx.peek();
      const quoted = c === '`' || c === '"' || c === '[';
      const save = lx.pos;
      const first = lx.identifier();
      if (quoted || !CONSTRAINT_WORDS.has(first.toUpperCase())) columns.push(first.toLowerCase());
      else lx.pos = save;
      // Skip the rest of the item: up to a comma or the closing parenthesis at this level.
      for (;;) {
        const d = lx.peek();
        if (d === '') lx.fail('CREATE TABLE never closed');
        if (d === ',' || d === ')') break;
        if (d === '(') lx.skipParens();
        else if (d === "'") lx.string(dialect === 'mysql', MYSQL_ESCAPES);
        else if (d === '`' || d === '"' || d === '[') lx.identifier();
        else lx.pos++;
      }
      if (lx.eat(')')) break;
      lx.pos++;
    }
    return { table, columns };
  } catch (err) {
    if (err instanceof ParseFailure) return null;
    throw err;
  }
}
