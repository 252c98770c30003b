/**
 * Reads the two statements a dump's data depends on: INSERT … VALUES (multi-row, with or without a
 * column list) and CREATE TABLE (for column order). Literal syntax follows the dialect that wrote the
 * dump: mysqldump, pg_dump --inserts, SQL Server scripts (N'…', CAST(… AS DateTime), {ts '…'}).
 */

export type SqlDialect = 'mysql' | 'pgsql' | 'mssql';

export type SqlCell = string | number | bigint | Uint8Array | null;

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

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_$#@]*/y;
const HEX = /[0-9A-Fa-f]*/y;

const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '%': '\\%', _: '\\_' };
const PG_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

const CONSTRAINT_WORDS = new Set([
  'PRIMARY', 'UNIQUE', 'KEY', 'INDEX', 'CONSTRAINT', 'FOREIGN', 'CHECK', 'FULLTEXT', 'SPATIAL', 'EXCLUDE', 'LIKE', 'PERIOD',
]);

/**
 * The nesting budget of one value ({ts {…}} escapes, MySQL charset introducers): real dumps nest one level;
 * each level is a call, so a hostile statement nested a million deep must fail here, not overflow the stack.
 */
export const MAX_VALUE_NESTING = 32;

class Lexer {
  pos = 0;
  private nesting = 0;
  /** Next backslash at or after a string's start (-1: none left), cached so reading strings stays O(n). */
  private nextBackslash = -2;
  constructor(
    readonly text: string,
    readonly dialect: SqlDialect,
  ) {}

  fail(message: string): never {
    throw new ParseFailure(message, this.pos);
  }

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        this.pos++;
      } else if (c === 45 && t.charCodeAt(this.pos + 1) === 45) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl < 0 ? t.length : nl + 1;
      } else if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const end = t.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? t.length : end + 2;
      } else {
        return;
      }
    }
  }

  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  eat(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  expect(ch: string, what: string): void {
    if (!this.eat(ch)) this.fail(`expected ${what} but found ${describe(this.text, this.pos)}`);
  }

  word(): string | null {
    this.skipSpace();
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    if (!m) return null;
    this.pos = WORD.lastIndex;
    return m[0];
  }

  keyword(expected: string): boolean {
    const save = this.pos;
    const w = this.word();
    if (w && w.toUpperCase() === expected) return true;
    this.pos = save;
    return false;
  }

  identifier(): string {
    const c = this.peek();
    if (c === '`' || c === '"' || c === '[') {
      const close = c === '[' ? ']' : c;
      let out = '';
      let i = this.pos + 1;
      for (;;) {
        const j = this.text.indexOf(close, i);
        if (j < 0) this.fail('unterminated quoted name');
        out += this.text.slice(i, j);
        if (this.text[j + 1] === close) {
          out += close;
          i = j + 2;
        } else {
          this.pos = j + 1;
          return out;
        }
      }
    }
    const w = this.word();
    if (!w) this.fail(`expected a name but found ${describe(this.text, this.pos)}`);
    return w;
  }

  qualifiedName(): string[] {
    const parts = [this.identifier()];
    while (this.peek() === '.') {
      this.pos++;
      parts.push(this.identifier());
    }
    return parts;
  }

  string(backslashes: boolean, escapes: Record<string, string>): string {
    const t = this.text;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      const q = t.indexOf("'", i);
      if (backslashes && this.nextBackslash !== -1 && this.nextBackslash < i) this.nextBackslash = t.indexOf('\\', i);
      const b = backslashes ? this.nextBackslash : -1;
      if (q < 0) {
        this.pos = t.length;
        this.fail('string never closed');
      }
      if (b >= 0 && b < q) {
        out += t.slice(i, b);
        const e = t[b + 1];
        if (this.dialect === 'pgsql') {
          const special = pgEscape(t, b);
          out += special.text;
          i = b + special.length;
        } else {
          out += escapes[e] ?? e;
          i = b + 2;
        }
        continue;
      }
      out += t.slice(i, q);
      if (t[q + 1] === "'") {
        out += "'";
        i = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }

  hexBytes(digits: string): Uint8Array {
    if (digits.length % 2 === 1) digits = '0' + digits;
    const out = new Uint8Array(digits.length / 2);
    for (let k = 0; k < out.length; k++) out[k] = parseInt(digits.slice(2 * k, 2 * k + 2), 16);
    return out;
  }

  value(): SqlCell {
    const v = this.primary();
    // PostgreSQL casts: 'x'::timestamp without time zone
    while (this.dialect === 'pgsql' && this.text.startsWith('::', this.pos)) {
      this.pos += 2;
      while (this.word()) {
        if (this.peek() === '(') this.skipParens();
      }
    }
    return v;
  }

  skipParens(): void {
    let depth = 0;
    do {
      const c = this.peek();
      if (c === '') this.fail('parenthesis never closed');
      if (c === "'") this.string(this.dialect === 'mysql', MYSQL_ESCAPES);
      else {
        if (c === '(') depth++;
        else if (c === ')') depth--;
        this.pos++;
      }
    } while (depth > 0);
  }

  primary(): SqlCell {
    if (++this.nesting > MAX_VALUE_NESTING) this.fail(`value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)`);
    try {
      return this.primaryValue();
    } finally {
      this.nesting--;
    }
  }

  private primaryValue(): SqlCell {
    const c = this.peek();
    const t = this.text;
    const next = t[this.pos + 1];
    const mysql = this.dialect === 'mysql';
    if (c === "'") return this.string(mysql, MYSQL_ESCAPES);
    if ((c === 'N' || c === 'n') && next === "'") {
      this.pos++;
      return this.string(mysql, MYSQL_ESCAPES);
    }
    if ((c === 'E' || c === 'e') && next === "'" && this.dialect === 'pgsql') {
      this.pos++;
      return this.string(true, PG_ESCAPES);
    }
    if ((c === 'X' || c === 'x') && next === "'") {
      this.pos++;
      return this.hexBytes(this.string(false, {}));
    }
    if ((c === 'B' || c === 'b') && next === "'") {
      this.pos++;
      const bits = this.string(false, {});
      return bits === '' ? 0 : parseInt(bits, 2);
    }
    if (c === '0' && (next === 'x' || next === 'X')) {
      HEX.lastIndex = this.pos + 2;
      const m = HEX.exec(t);
      this.pos = HEX.lastIndex;
      return this.hexBytes(m ? m[0] : '');
    }
    if (c === '{') {
      this.pos++;
      this.word();
      const inner = this.value();
      this.expect('}', "'}' closing the {ts …} escape");
      return inner;
    }
    if (c === '_' && mysql) {
      this.word();
      return this.primary();
    }
    if ((c >= '0' && c <= '9') || c === '-' || c === '+' || c === '.') {
      const fast = this.plainInteger();
      if (fast !== null) return fast;
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(t);
      if (!m) this.fail(`expected a value but found ${describe(t, this.pos)}`);
      this.pos = NUMBER.lastIndex;
      return numberOf(m[0]);
    }
    if (c === '(') {
      this.pos++;
      const inner = this.value();
      this.expect(')', "')'");
      return inner;
    }
    const w = this.word();
    if (!w) this.fail(`expected a value but found ${describe(t, this.pos)}`);
    switch (w.toUpperCase()) {
      case 'NULL':
        return null;
      case 'TRUE':
        return 1;
      case 'FALSE':
        return 0;
      case 'CAST':
        return this.cast();
      case 'CONVERT':
        return this.convert();
      default:
        this.pos -= w.length;
        return this.fail(`unsupported value ${describe(t, this.pos)}`);
    }
  }

  /** Most values in a dump are short integers: read them without a regular expression. */
  plainInteger(): number | null {
    const t = this.text;
    let p = this.pos;
    const sign = t.charCodeAt(p);
    if (sign === 45 || sign === 43) p++;
    const digits = p;
    while (p < t.length && t.charCodeAt(p) >= 48 && t.charCodeAt(p) <= 57) p++;
    const after = t.charCodeAt(p);
    if (p === digits || p - digits > 15 || after === 46 || after === 101 || after === 69) return null;
    const n = Number(t.slice(this.pos, p));
    this.pos = p;
    return n;
  }

  /** CAST(value AS type): SQL Server scripts write dates and decimals this way. */
  cast(): SqlCell {
    this.expect('(', "'(' after CAST");
    const inner = this.value();
    if (!this.keyword('AS')) this.fail(`expected AS in CAST but found ${describe(this.text, this.pos)}`);
    const type = (this.word() ?? '').toLowerCase();
    if (this.peek() === '(') this.skipParens();
    this.expect(')', "')' closing CAST");
    return castTo(inner, type);
  }

  /** CONVERT(type, value[, style]). */
  convert(): SqlCell {
    this.expect('(', "'(' after CONVERT");
    const type = (this.word() ?? '').toLowerCase();
    if (this.peek() === '(') this.skipParens();
    this.expect(',', "',' in CONVERT");
    const inner = this.value();
    if (this.eat(',')) this.value();
    this.expect(')', "')' closing CONVERT");
    return castTo(inner, type);
  }
}

function pgEscape(t: string, at: number): { text: string; length: number } {
  const e = t[at + 1];
  if (e in PG_ESCAPES) return { text: PG_ESCAPES[e], length: 2 };
  let m = /^[0-7]{1,3}/.exec(t.slice(at + 1, at + 4));
  if (m) return { text: String.fromCharCode(parseInt(m[0], 8)), length: 1 + m[0].length };
  if (e === 'x') {
    m = /^[0-9A-Fa-f]{1,2}/.exec(t.slice(at + 2, at + 4));
    if (m) return { text: String.fromCharCode(parseInt(m[0], 16)), length: 2 + m[0].length };
  }
  if (e === 'u' || e === 'U') {
    const n = e === 'u' ? 4 : 8;
    const hex = t.slice(at + 2, at + 2 + n);
    if (/^[0-9A-Fa-f]+$/.test(hex) && hex.length === n) return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + n };
  }
  return { text: e ?? '', length: 2 };
}

function numberOf(text: string): number | bigint {
  if (/^[-+]?\d+$/.test(text)) {
    if (text.replace(/^[-+]/, '').length <= 15) return Number(text);
    const big = BigInt(text);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  return Number(text);
}

/** SQL Server's binary datetime: 4 bytes signed days since 1900-01-01, 4 bytes 1/300-second ticks. */
function sqlServerDateTime(bytes: Uint8Array, type: string): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ms: number;
  if (type === 'datetime' && bytes.length === 8) {
    ms = view.getInt32(0) * 86_400_000 + Math.round((view.getUint32(4) * 1000) / 300);
  } else if (type === 'smalldatetime' && bytes.length === 4) {
    ms = view.getUint16(0) * 86_400_000 + view.getUint16(2) * 60_000;
  } else {
    return null;
  }
  const d = new Date(Date.UTC(1900, 0, 1) + ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function castTo(value: SqlCell, type: string): SqlCell {
  if (value instanceof Uint8Array && (type === 'datetime' || type === 'smalldatetime')) {
    return sqlServerDateTime(value, type) ?? value;
  }
  if (typeof value === 'string' && /^(decimal|numeric|money|smallmoney|float|real)$/.test(type)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

function describe(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the statement';
  return JSON.stringify(text.slice(pos, pos + 20));
}

function tableOf(parts: string[]): string {
  return parts[parts.length - 1].toLowerCase();
}

/** Parses INSERT [IGNORE] [INTO] name [(columns)] VALUES (…), (…)[;] — nothing else. */
export function parseInsert(text: string, dialect: SqlDialect): ParsedInsert | SqlParseError {
  const lx = new Lexer(text, dialect);
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
    if (!lx.keyword('VALUES')) lx.fail(`expected VALUES but found ${describe(text, lx.pos)}`);
    const rows: SqlCell[][] = [];
    do {
      lx.expect('(', `'(' starting row ${rows.length + 1}`);
      const row: SqlCell[] = [];
      if (lx.peek() !== ')') {
        do row.push(lx.value());
        while (lx.eat(','));
      }
      lx.expect(')', `',' or ')' in row ${rows.length + 1}`);
      rows.push(row);
    } while (lx.eat(','));
    lx.eat(';');
    if (lx.peek() !== '') lx.fail(`unexpected ${describe(text, lx.pos)} after the last row`);
    return { table, columns, rows };
  } catch (err) {
    if (err instanceof ParseFailure) return { error: err.message, offset: err.offset };
    throw err;
  }
}

/** Column names, in order, of CREATE TABLE [IF NOT EXISTS] name ( … ); null when it is not one. */
export function parseCreateTable(text: string, dialect: SqlDialect): { table: string; columns: string[] } | null {
  const lx = new Lexer(text, dialect);
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
