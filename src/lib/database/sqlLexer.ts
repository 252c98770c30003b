/**
 * The tokens of one SQL statement: whitespace and comments, words, quoted names, string literals in each
 * dialect's escaping, and balanced parentheses. It reads from a cursor (`pos`) that the statement readers
 * move, and reports a failure as a ParseFailure carrying the offset where reading stopped.
 */
import type { SqlDialect } from './sqlDialect.ts';
import { MYSQL_ESCAPES, pgEscape } from './sqlEscapes.ts';

export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_][A-Za-z0-9_$#@]*/y;

export class SqlLexer {
  pos = 0;
  /** Next backslash at or after a string's start (-1: none left), cached so reading strings stays O(n). */
  private nextBackslash = -2;
  constructor(
    readonly text: string,
    readonly dialect: SqlDialect,
  ) {}

  /** @throws ParseFailure at the current position, always. */
  fail(message: string): never {
    throw new ParseFailure(message, this.pos);
  }

  /** The text at the current position, quoted and cut short, for messages. */
  here(): string {
    if (this.pos >= this.text.length) return 'the end of the statement';
    return JSON.stringify(this.text.slice(this.pos, this.pos + 20));
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

  /** The next character after whitespace and comments; empty at the end. */
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
    if (!this.eat(ch)) this.fail(`expected ${what} but found ${this.here()}`);
  }

  word(): string | null {
    this.skipSpace();
    WORD.lastIndex = this.pos;
    const m = WORD.exec(this.text);
    if (!m) return null;
    this.pos = WORD.lastIndex;
    return m[0];
  }

  /** Reads `expected` (any case) when it is the next word; otherwise moves nothing. */
  keyword(expected: string): boolean {
    const save = this.pos;
    const w = this.word();
    if (w && w.toUpperCase() === expected) return true;
    this.pos = save;
    return false;
  }

  /** A bare, `back-quoted`, "double-quoted" or [bracketed] name; a doubled closing quote stands for itself. */
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
    if (!w) this.fail(`expected a name but found ${this.here()}`);
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

  /**
   * The '…' literal whose opening quote is at `pos`. A doubled quote stands for itself; with `backslashes`,
   * backslash escapes are decoded (PostgreSQL's own set in the pgsql dialect, else `escapes`).
   */
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

  /** Skips a balanced ( … ), strings inside included. */
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
}
