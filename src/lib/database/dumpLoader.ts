/**
 * What the three dump importers share: turning INSERT and CREATE TABLE statements into rows for the
 * HmailRowWriter, and reporting statements that are neither loaded nor known to be harmless.
 */
import { HMAIL_TABLE_BY_NAME } from './hmailSchema.ts';
import type { HmailRowWriter } from './hmailRowWriter.ts';
import type { SplitItem, SplitterSyntax } from './statementSplitter.ts';
import type { SqlCell } from './sqlCell.ts';
import type { SqlDialect } from './sqlDialect.ts';
import { parseCreateTable, parseInsert } from './sqlInsertParser.ts';

export interface DumpDialect {
  syntax: SplitterSyntax;
  /** One handler per import: a dialect may keep state between items (pg_dump's COPY blocks). */
  createHandler(loader: DumpLoader): (item: SplitItem) => void;
}

/** The first keyword of a statement, upper case, after comments; null for a comment-only statement. */
export function firstWord(text: string): string | null {
  const m = /^(?:\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z_]+)/.exec(text);
  return m ? m[1].toUpperCase() : null;
}

export class DumpLoader {
  /** Column order of each table as the dump's own CREATE TABLE declared it. */
  private readonly declared = new Map<string, string[]>();

  constructor(
    readonly writer: HmailRowWriter,
    readonly dialect: SqlDialect,
  ) {}

  /** Line of a character offset inside a statement that starts at `line`. */
  lineAt(text: string, line: number, offset: number): number {
    let n = line;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }

  problem(line: number, text: string, reason: string): void {
    this.writer.problem(line, text, reason);
  }

  learnCreateTable(text: string, line: number): void {
    const parsed = parseCreateTable(text, this.dialect);
    if (parsed) this.declared.set(parsed.table, parsed.columns);
    else if (/^\s*CREATE\s+TABLE/i.test(text)) this.problem(line, text, 'CREATE TABLE could not be read: later rows of this table need a column list');
  }

  columnsOf(table: string): string[] | undefined {
    return this.declared.get(table);
  }

  insert(text: string, line: number): void {
    const parsed = parseInsert(text, this.dialect);
    if ('error' in parsed) {
      this.problem(this.lineAt(text, line, parsed.offset), text, `INSERT skipped: ${parsed.error}`);
      return;
    }
    this.rows(parsed.table, parsed.columns, parsed.rows, line, text);
  }

  /** Loads rows; without a column list the dump's CREATE TABLE (or hMailServer's own order) gives it. */
  rows(table: string, columns: string[] | null, rows: SqlCell[][], line: number, text: string): void {
    if (rows.length === 0) return;
    if (!table.startsWith('hm_')) {
      this.writer.insertRows(table, columns ?? [], rows, line, text);
      return;
    }
    let cols = columns ?? this.declared.get(table) ?? null;
    if (!cols) {
      const canonical = HMAIL_TABLE_BY_NAME.get(table);
      const base = canonical?.columns.filter((c) => !c.later).map((c) => c.name);
      const all = canonical?.columns.map((c) => c.name);
      cols = [base, all].find((c) => c && c.length === rows[0].length) ?? null;
      if (!cols) {
        this.writer.problemOnce(`nocols:${table}`, line, text, `rows of ${table} not loaded: no column list and no CREATE TABLE for it in the dump`);
        return;
      }
      this.writer.problemOnce(`assumed:${table}`, line, text, `no column list and no CREATE TABLE for ${table}: hMailServer's own column order was assumed`);
    }
    this.writer.insertRows(table, cols, rows, line, text);
  }

  unterminated(item: SplitItem & { kind: 'statement' }): boolean {
    if (!item.unterminated) return false;
    this.problem(item.line, item.text, `statement skipped: ${item.unterminated}`);
    return true;
  }

  unknown(text: string, line: number): void {
    this.problem(line, text, 'statement not recognised: skipped');
  }
}
