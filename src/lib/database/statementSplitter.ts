/**
 * Cuts SQL text that arrives in chunks into statements, one dialect's quoting and separator rules at a time
 * (mysqldump, pg_dump plain, SQL Server scripts). It never holds more than the statement being read.
 */

export interface SplitterSyntax {
  /** MySQL: backslash escapes inside '…' and "…". */
  backslashEscapes: boolean;
  /** MySQL: `name`. */
  backticks: boolean;
  /** SQL Server: [name]. */
  brackets: boolean;
  /** MySQL: # starts a comment. */
  hashComments: boolean;
  /** PostgreSQL: $tag$…$tag$ bodies and E'…' strings with backslash escapes. */
  dollarQuotes: boolean;
  /** PostgreSQL: a line that starts with a backslash (\connect, \restrict) is a psql command of its own. */
  metaCommands: boolean;
  /** PostgreSQL: after COPY … FROM stdin, data lines follow until a line "\.". */
  copyFromStdin: boolean;
  /** MySQL: DELIMITER lines change the statement terminator. */
  delimiterCommand: boolean;
  /** SQL Server: a line "GO" ends a batch; statements inside a batch need no terminator. */
  goBatches: boolean;
}

export type SplitItem =
  | { kind: 'statement'; text: string; line: number; unterminated?: string }
  | { kind: 'copy-row'; text: string; line: number }
  | { kind: 'copy-end'; line: number };

/**
 * A statement longer than this is dropped: it is almost certainly an unterminated string that would
 * otherwise pull the rest of a multi-GB dump into memory. mysqldump's own lines stay far below it.
 */
const MAX_STATEMENT_CHARS = 128 * 1024 * 1024;

/** SQL Server statements that start a new statement when they begin a line outside parentheses. */
const BATCH_STATEMENT_WORDS = new Set([
  'INSERT', 'SET', 'CREATE', 'ALTER', 'USE', 'IF', 'BEGIN', 'END', 'EXEC', 'EXECUTE', 'PRINT', 'DROP',
  'GRANT', 'DECLARE', 'DELETE', 'UPDATE', 'TRUNCATE', 'DENY', 'REVOKE', 'COMMIT', 'ROLLBACK',
]);

type Mode = 'normal' | 'quote' | 'line-comment' | 'block-comment' | 'dollar' | 'copy';

const NL = 10;

export class StatementSplitter {
  private buf = '';
  private pos = 0;
  /** Line number (1-based) of the character at pos. */
  private line = 1;
  private start = -1;
  private startLine = 0;
  private mode: Mode = 'normal';
  private quoteChar = '';
  private quoteEscapes = false;
  private dollarTag = '';
  private depth = 0;
  private delimiter = ';';
  private atLineStart = true;
  private dropping = false;
  /** Cached position of the next backslash at or after pos (-1: none left in buf), so strings are O(n). */
  private nextBackslash = -2;
  /** Cached position of the next line feed at or after pos (-1: none left in buf), for line counting. */
  private nextNewline = -2;
  /** Characters that end a run of ordinary statement text (quotes, comments, separators, line ends). */
  private readonly special = new Uint8Array(128);

  constructor(private readonly syntax: SplitterSyntax) {
    for (const c of "\n\r'\";-/()") this.special[c.charCodeAt(0)] = 1;
    if (syntax.backticks) this.special[96] = 1;
    if (syntax.brackets) this.special[91] = 1;
    if (syntax.hashComments) this.special[35] = 1;
    if (syntax.dollarQuotes) this.special[36] = 1;
  }

  /** Feeds decoded text; returns every item completed by it. */
  push(text: string): SplitItem[] {
    this.buf += text;
    this.nextBackslash = -2;
    this.nextNewline = -2;
    const out: SplitItem[] = [];
    this.scan(out, false);
    this.compact();
    return out;
  }

  /** Ends the input: whatever is pending becomes a last (possibly unterminated) statement. */
  end(): SplitItem[] {
    const out: SplitItem[] = [];
    this.scan(out, true);
    if (this.mode === 'copy') {
      out.push({ kind: 'copy-end', line: this.line });
    } else if (this.start >= 0 && !this.dropping) {
      const text = this.buf.slice(this.start).trim();
      const unterminated =
        this.mode === 'quote' ? `string opened with ${this.quoteChar} never closed`
        : this.mode === 'block-comment' ? 'comment opened with /* never closed'
        : this.mode === 'dollar' ? `body opened with ${this.dollarTag} never closed`
        : undefined;
      if (text) out.push({ kind: 'statement', text, line: this.startLine, ...(unterminated ? { unterminated } : {}) });
    }
    this.buf = '';
    this.pos = 0;
    this.start = -1;
    return out;
  }

  private compact(): void {
    const keep = this.start >= 0 ? this.start : this.pos;
    this.nextBackslash = -2;
    this.nextNewline = -2;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.pos -= keep;
      if (this.start >= 0) this.start = 0;
    }
    if (this.start >= 0 && this.pos > MAX_STATEMENT_CHARS) this.dropOversized();
  }

  /** Gives up on a runaway statement: reports it once and skips to the next line in normal mode. */
  private dropOversized(): void {
    this.dropping = true;
    this.buf = this.buf.slice(this.pos);
    this.nextBackslash = -2;
    this.nextNewline = -2;
    this.pos = 0;
    this.start = -1;
    this.mode = 'normal';
    this.depth = 0;
  }

  private nextQuoteOrBackslash(buf: string): number {
    if (this.nextBackslash !== -1 && this.nextBackslash < this.pos) this.nextBackslash = buf.indexOf('\\', this.pos);
    const q = buf.indexOf(this.quoteChar, this.pos);
    const b = this.nextBackslash;
    if (q < 0) return b;
    if (b < 0) return q;
    return Math.min(q, b);
  }

  private emit(out: SplitItem[], endIndex: number): void {
    if (this.start < 0) return;
    const text = this.buf.slice(this.start, endIndex).trim();
    if (text && !this.dropping) out.push({ kind: 'statement', text, line: this.startLine });
    if (this.dropping) {
      out.push({
        kind: 'statement',
        text: '',
        line: this.startLine,
        unterminated: `statement longer than ${MAX_STATEMENT_CHARS} characters (an unterminated string?)`,
      });
      this.dropping = false;
    }
    this.start = -1;
    this.depth = 0;
    if (this.syntax.copyFromStdin && /^COPY\s[\s\S]*\sFROM\s+stdin/i.test(text)) this.mode = 'copy';
  }

  private begin(): void {
    if (this.start < 0) {
      this.start = this.pos;
      this.startLine = this.line;
    }
  }

  private advance(n: number): void {
    if (n <= 0) return;
    const end = this.pos + n;
    if (this.nextNewline !== -1 && this.nextNewline < this.pos) this.nextNewline = this.buf.indexOf('\n', this.pos);
    while (this.nextNewline !== -1 && this.nextNewline < end) {
      this.line++;
      this.nextNewline = this.buf.indexOf('\n', this.nextNewline + 1);
    }
    this.atLineStart = this.buf.charCodeAt(end - 1) === NL;
    this.pos = end;
  }

  /** The rest of the current line (without its newline), or null when it has not fully arrived. */
  private restOfLine(final: boolean): string | null {
    const nl = this.buf.indexOf('\n', this.pos);
    if (nl < 0) return final ? this.buf.slice(this.pos) : null;
    return this.buf.slice(this.pos, nl);
  }

  /** Skips the current line including its newline. */
  private skipLine(lineText: string): void {
    const hasNl = this.pos + lineText.length < this.buf.length;
    this.pos += lineText.length;
    if (hasNl) {
      this.pos++;
      this.line++;
      this.atLineStart = true;
    }
  }

  /** Handles what only a line start can begin; false when the line has not fully arrived yet. */
  private lineStart(out: SplitItem[], final: boolean): boolean {
    const s = this.syntax;
    if (this.mode === 'copy') {
      const text = this.restOfLine(final);
      if (text === null) return false;
      if (text === '' && this.pos >= this.buf.length) return false;
      const line = this.line;
      this.skipLine(text);
      const row = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (row === '\\.') {
        out.push({ kind: 'copy-end', line });
        this.mode = 'normal';
      } else {
        out.push({ kind: 'copy-row', text: row, line });
      }
      return true;
    }
    if (this.mode !== 'normal') return true;
    if (!(s.goBatches || (this.start < 0 && (s.metaCommands || s.delimiterCommand)))) {
      this.atLineStart = false;
      return true;
    }
    const text = this.restOfLine(final);
    if (text === null) return false;
    const trimmed = text.trim();
    if (s.goBatches && /^GO(\s+\d+)?$/i.test(trimmed)) {
      this.emit(out, this.pos);
      this.skipLine(text);
      return true;
    }
    if (s.goBatches && this.start >= 0 && this.depth === 0) {
      const word = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase();
      if (word && BATCH_STATEMENT_WORDS.has(word)) this.emit(out, this.pos);
    }
    if (this.start < 0 && s.metaCommands && trimmed.startsWith('\\')) {
      out.push({ kind: 'statement', text: trimmed, line: this.line });
      this.skipLine(text);
      return true;
    }
    if (this.start < 0 && s.delimiterCommand) {
      const m = /^\s*DELIMITER\s+(\S+)/i.exec(text);
      if (m) {
        this.delimiter = m[1];
        this.skipLine(text);
        return true;
      }
    }
    this.atLineStart = false;
    return true;
  }

  private scan(out: SplitItem[], final: boolean): void {
    const s = this.syntax;
    const buf = this.buf;
    while (this.pos < buf.length) {
      if (this.atLineStart && (this.mode === 'normal' || this.mode === 'copy')) {
        const lineAt = this.pos;
        if (!this.lineStart(out, final)) return;
        if (this.pos !== lineAt || this.mode === 'copy') continue;
      }
      const c = buf[this.pos];
      switch (this.mode) {
        case 'quote': {
          const next = this.quoteEscapes ? this.nextQuoteOrBackslash(buf) : buf.indexOf(this.quoteChar, this.pos);
          if (next < 0) {
            this.advance(buf.length - this.pos);
            return;
          }
          this.advance(next - this.pos);
          if (buf[this.pos] === '\\') {
            if (this.pos + 1 >= buf.length && !final) return;
            this.advance(2);
          } else if (buf[this.pos + 1] === this.quoteChar) {
            this.advance(2);
          } else if (this.pos + 1 >= buf.length && !final) {
            return;
          } else {
            this.advance(1);
            this.mode = 'normal';
          }
          continue;
        }
        case 'line-comment': {
          const nl = buf.indexOf('\n', this.pos);
          if (nl < 0) {
            this.advance(buf.length - this.pos);
            return;
          }
          this.advance(nl - this.pos);
          this.mode = 'normal';
          continue;
        }
        case 'block-comment': {
          const endAt = buf.indexOf('*/', this.pos);
          if (endAt < 0) {
            this.advance(Math.max(0, buf.length - 1 - this.pos));
            return;
          }
          this.advance(endAt + 2 - this.pos);
          this.mode = 'normal';
          continue;
        }
        case 'dollar': {
          const endAt = buf.indexOf(this.dollarTag, this.pos);
          if (endAt < 0) {
            this.advance(Math.max(0, buf.length - this.dollarTag.length - this.pos));
            return;
          }
          this.advance(endAt + this.dollarTag.length - this.pos);
          this.mode = 'normal';
          continue;
        }
        case 'copy': {
          const nl = buf.indexOf('\n', this.pos);
          if (nl < 0) {
            this.advance(buf.length - this.pos);
            return;
          }
          this.advance(nl + 1 - this.pos);
          continue;
        }
        case 'normal':
          break;
      }
      // Normal mode. Inside a statement, runs of ordinary text (numbers, names, commas) are skipped at once.
      if (this.start >= 0 && this.delimiter === ';') {
        let p = this.pos;
        const len = buf.length;
        const special = this.special;
        while (p < len) {
          const code = buf.charCodeAt(p);
          if (code < 128 && special[code] === 1) break;
          p++;
        }
        if (p > this.pos) {
          this.pos = p;
          this.atLineStart = false;
          continue;
        }
      }
      if (c === '\n' || c === ' ' || c === '\t' || c === '\r') {
        this.advance(1);
        continue;
      }
      const needsLookahead = c === '-' || c === '/' || c === '$' || c === this.delimiter[0];
      if (needsLookahead && this.pos + 1 >= buf.length && !final) return;
      const c2 = buf[this.pos + 1];
      if (c === '-' && c2 === '-') {
        this.mode = 'line-comment';
        this.advance(2);
        continue;
      }
      if (c === '#' && s.hashComments) {
        this.mode = 'line-comment';
        this.advance(1);
        continue;
      }
      if (c === '/' && c2 === '*') {
        // MySQL's /*!NNNNN … */ is executable: it belongs to a statement. Other comments between
        // statements are skipped so a statement's line is that of its first keyword.
        if (buf[this.pos + 2] === '!' || this.start >= 0) this.begin();
        this.mode = 'block-comment';
        this.advance(2);
        continue;
      }
      if (this.delimiter.length > 0 && buf.startsWith(this.delimiter, this.pos)) {
        this.emit(out, this.pos);
        this.advance(this.delimiter.length);
        continue;
      }
      if (this.delimiter.length > 1 && c === this.delimiter[0] && this.pos + this.delimiter.length > buf.length && !final) return;
      this.begin();
      if (c === "'" || c === '"' || (c === '`' && s.backticks)) {
        this.mode = 'quote';
        this.quoteChar = c;
        this.quoteEscapes = s.backslashEscapes || (s.dollarQuotes && c === "'" && isEPrefix(buf, this.pos));
        this.advance(1);
        continue;
      }
      if (c === '[' && s.brackets) {
        this.mode = 'quote';
        this.quoteChar = ']';
        this.quoteEscapes = false;
        this.advance(1);
        continue;
      }
      if (c === '$' && s.dollarQuotes) {
        const m = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(buf.slice(this.pos, this.pos + 64));
        if (!m && buf.length - this.pos < 64 && !final && buf.indexOf('$', this.pos + 1) < 0) return;
        if (m) {
          this.mode = 'dollar';
          this.dollarTag = m[0];
          this.advance(m[0].length);
          continue;
        }
      }
      if (c === '(') this.depth++;
      else if (c === ')') this.depth = Math.max(0, this.depth - 1);
      this.advance(1);
    }
  }
}


function isEPrefix(buf: string, quoteAt: number): boolean {
  const p = buf[quoteAt - 1];
  if (p !== 'E' && p !== 'e') return false;
  const before = buf[quoteAt - 2];
  return before === undefined || !/[A-Za-z0-9_]/.test(before);
}
