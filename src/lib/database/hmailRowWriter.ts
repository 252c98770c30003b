/**
 * The one way rows reach the case database's hm_* tables, whatever the source: maps source columns onto
 * the canonical ones (hmailSchema.ts), converts values to the column's type, inserts with cached prepared
 * statements inside transactions, and turns every row it cannot load into an ImportProblem.
 */
import type { Database, SqlValue, Statement } from 'sql.js';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import { HMAIL_SCHEMA_DDL, HMAIL_TABLE_BY_NAME, type HmailColumnType } from './hmailSchema.ts';
import { normalizeTime } from './normalizeTime.ts';
import type { SqlCell } from './sqlCell.ts';

/** Rows per transaction: large enough to be fast, small enough that progress and aborts stay responsive. */
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Rows per INSERT statement: sql.js pays a fixed cost per statement run, so multi-row statements load
 * about three times faster; 32 rows × the widest table stays far below SQLite's bound-parameter limit.
 */
const ROWS_PER_INSERT = 32;

/** ImportProblem.statement keeps this many characters: enough to recognise the statement. */
const STATEMENT_EXCERPT_CHARS = 200;

/** A source with more distinct problems than this is hopeless; the rest are counted, not listed. */
const MAX_PROBLEMS = 1_000;

const utf8 = new TextDecoder();

function excerpt(text: string): string {
  return text.length > STATEMENT_EXCERPT_CHARS ? text.slice(0, STATEMENT_EXCERPT_CHARS) : text;
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export class HmailRowWriter {
  private readonly statements = new Map<string, Statement>();
  private readonly reported = new Set<string>();
  private readonly legacyColumns = new Map<string, Set<string>>();
  /** Rows loaded per table by this writer, for checking them against a count the source declares. */
  readonly loaded = new Map<string, number>();
  private pending = 0;
  private dropped = 0;
  private inTransaction = false;

  constructor(
    private readonly db: Database,
    readonly problems: ImportProblem[],
  ) {
    db.exec(HMAIL_SCHEMA_DDL);
  }

  problem(line: number, statement: string, reason: string): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    this.problems.push({ line, statement: excerpt(statement), reason });
  }

  /** The same kind of problem (an unknown column, a foreign table) is reported once, at its first line. */
  problemOnce(key: string, line: number, statement: string, reason: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problem(line, statement, reason);
  }

  /**
   * Loads rows given in `columns` order into `table`. Tables outside hm_* are skipped (reported once);
   * hm_* tables that are not in the canonical schema (legacy 1.x–4.x tables) are created as found.
   */
  insertRows(table: string, columns: string[], rows: SqlCell[][], line: number, statement: string): void {
    const canonical = HMAIL_TABLE_BY_NAME.get(table);
    if (!canonical && !table.startsWith('hm_')) {
      this.problemOnce(`foreign:${table}`, line, statement, `rows of table ${table} not loaded: not an hMailServer (hm_*) table`);
      return;
    }
    const types = new Map<string, HmailColumnType | null>();
    if (canonical) for (const c of canonical.columns) types.set(c.name, c.type);
    else this.ensureLegacyTable(table, columns);

    const sourceIndexes: number[] = [];
    const targetColumns: string[] = [];
    const seen = new Set<string>();
    columns.forEach((name, i) => {
      if (seen.has(name)) {
        this.problemOnce(`dup:${table}.${name}`, line, statement, `column ${name} of ${table} is listed twice: the first one is loaded`);
        return;
      }
      seen.add(name);
      if (canonical && !types.has(name)) {
        this.problemOnce(`col:${table}.${name}`, line, statement, `column ${name} of ${table} is not in hMailServer's schema: its values were not loaded`);
        return;
      }
      if (!canonical) types.set(name, null);
      sourceIndexes.push(i);
      targetColumns.push(name);
    });
    if (targetColumns.length === 0) return;

    const converters = targetColumns.map((c) => this.converter(types.get(c) ?? null, table, c, line, statement));
    const width = converters.length;
    const keyAt = canonical?.key ? columns.indexOf(canonical.key) : -1;
    const good = rows.filter((row, r) => {
      if (row.length !== columns.length) {
        this.problem(line, statement, `row ${r + 1} of ${table} has ${row.length} values for ${columns.length} columns: not loaded`);
        return false;
      }
      // An id SQLite would assign is not hMailServer's: other tables could be linked to the wrong row.
      if (keyAt >= 0 && (row[keyAt] === null || row[keyAt] === undefined)) {
        this.problem(line, statement, `row ${r + 1} of ${table} has no ${canonical!.key} (NULL): not loaded`);
        return false;
      }
      return true;
    });
    for (let i = 0; i < good.length; i += ROWS_PER_INSERT) {
      const count = Math.min(ROWS_PER_INSERT, good.length - i);
      const params: SqlValue[] = new Array(count * width);
      for (let j = 0; j < count; j++) {
        const row = good[i + j];
        for (let k = 0; k < width; k++) params[j * width + k] = converters[k](row[sourceIndexes[k]]);
      }
      this.begin();
      try {
        this.statementFor(table, targetColumns, count).run(params);
        this.pending += count;
        this.loaded.set(table, (this.loaded.get(table) ?? 0) + count);
      } catch {
        // One bad row fails the whole multi-row INSERT (atomically): redo the batch row by row to name it.
        for (let j = 0; j < count; j++) {
          try {
            this.statementFor(table, targetColumns, 1).run(params.slice(j * width, (j + 1) * width));
            this.pending++;
            this.loaded.set(table, (this.loaded.get(table) ?? 0) + 1);
          } catch (err) {
            this.problem(line, statement, `row ${rows.indexOf(good[i + j]) + 1} of ${table} not loaded: ${(err as Error).message}`);
          }
        }
      }
      if (this.pending >= ROWS_PER_TRANSACTION) this.commit();
    }
  }

  /** Commits what is pending and frees the prepared statements. Safe to call more than once. */
  finish(): void {
    this.commit();
    for (const s of this.statements.values()) s.free();
    this.statements.clear();
    if (this.dropped > 0) {
      this.problems.push({ line: 0, statement: '', reason: `${this.dropped} further problems were not listed` });
      this.dropped = 0;
    }
  }

  private begin(): void {
    if (!this.inTransaction) {
      this.db.exec('BEGIN');
      this.inTransaction = true;
    }
  }

  private commit(): void {
    if (this.inTransaction) {
      this.db.exec('COMMIT');
      this.inTransaction = false;
    }
    this.pending = 0;
  }

  private statementFor(table: string, columns: string[], rows: number): Statement {
    const key = `${table}(${columns.join(',')})x${rows}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      const names = columns.map(quoteName).join(', ');
      const marks = `(${columns.map(() => '?').join(', ')})`;
      stmt = this.db.prepare(`INSERT INTO ${quoteName(table)} (${names}) VALUES ${new Array(rows).fill(marks).join(', ')}`);
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  private ensureLegacyTable(table: string, columns: string[]): void {
    let known = this.legacyColumns.get(table);
    if (!known) {
      const existing = this.db.exec(`PRAGMA table_info(${quoteName(table)})`)[0]?.values.map((v) => String(v[1])) ?? [];
      if (existing.length === 0) this.db.exec(`CREATE TABLE ${quoteName(table)} (${columns.map(quoteName).join(', ')})`);
      known = new Set(existing.length > 0 ? existing : columns);
      this.legacyColumns.set(table, known);
    }
    for (const c of columns) {
      if (!known.has(c)) {
        this.commit();
        this.db.exec(`ALTER TABLE ${quoteName(table)} ADD COLUMN ${quoteName(c)}`);
        known.add(c);
      }
    }
  }

  /** The value conversion for one target column, chosen once per statement rather than per value. */
  private converter(type: HmailColumnType | null, table: string, column: string, line: number, statement: string): (value: SqlCell) => SqlValue {
    const big = (value: SqlCell) => (typeof value === 'bigint' ? value.toString() : value);
    if (type === 'i') {
      return (value) => {
        if (value === null || typeof value === 'number') return value;
        if (typeof value === 'bigint') return value.toString();
        if (value instanceof Uint8Array) return bytesAsInteger(value);
        const s = value.trim();
        if (/^[-+]?\d+$/.test(s)) return Number.isSafeInteger(Number(s)) ? Number(s) : s;
        if (/^[-+]?(\d+\.\d*|\.\d+)$/.test(s)) return Number(s);
        if (s === 't' || s === 'true') return 1;
        if (s === 'f' || s === 'false') return 0;
        return value;
      };
    }
    if (type === 't') {
      return (value) => {
        if (value === null || typeof value === 'string') return value;
        if (value instanceof Uint8Array) return utf8.decode(value);
        return String(value);
      };
    }
    if (type === 'd') {
      return (value) => {
        if (value instanceof Uint8Array) {
          this.problemOnce(`bindate:${table}.${column}`, line, statement, `binary date-time value in ${table}.${column} could not be decoded: stored as NULL`);
          return null;
        }
        return typeof value === 'string' ? (normalizeTime(value) ?? value) : big(value);
      };
    }
    return (value) => big(value) as SqlValue;
  }
}

function bytesAsInteger(bytes: Uint8Array): SqlValue {
  if (bytes.length > 8) return bytes;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
}
