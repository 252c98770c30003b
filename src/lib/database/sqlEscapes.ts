/** Backslash escapes inside string literals: MySQL's '…' strings and PostgreSQL's E'…' strings. */

/** `\%` and `\_` keep their backslash: they escape LIKE wildcards, not characters. */
export const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '%': '\\%', _: '\\_' };
export const PG_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** The PostgreSQL escape at the backslash `at` (octal, \x, \u and \U included) and how many characters it spans. */
export function pgEscape(t: string, at: number): { text: string; length: number } {
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
