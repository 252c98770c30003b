/**
 * One value of an INSERT row, read at the lexer's position: quoted, N'…', E'…', X'…', B'…' and 0x… literals,
 * numbers, NULL/TRUE/FALSE, {ts '…'} escapes, MySQL charset introducers, PostgreSQL ::casts, and SQL
 * Server's CAST and CONVERT.
 */
import type { SqlCell } from './sqlCell.ts';
import { sqlCast } from './sqlCast.ts';
import { MYSQL_ESCAPES, PG_ESCAPES } from './sqlEscapes.ts';
import { sqlHexBytes } from './sqlHexBytes.ts';
import type { SqlLexer } from './sqlLexer.ts';
import { sqlNumber } from './sqlNumber.ts';

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const HEX = /[0-9A-Fa-f]*/y;

/**
 * The nesting budget of one value ({ts {…}} escapes, MySQL charset introducers): real dumps nest one level;
 * each level is a call, so a hostile statement nested a million deep must fail here, not overflow the stack.
 */
export const MAX_VALUE_NESTING = 32;

/** @throws ParseFailure when the text at the lexer's position is not a value. */
export function readValue(lx: SqlLexer, depth = 0): SqlCell {
  const v = primary(lx, depth);
  // PostgreSQL casts: 'x'::timestamp without time zone
  while (lx.dialect === 'pgsql' && lx.text.startsWith('::', lx.pos)) {
    lx.pos += 2;
    while (lx.word()) {
      if (lx.peek() === '(') lx.skipParens();
    }
  }
  return v;
}

function primary(lx: SqlLexer, depth: number): SqlCell {
  const level = depth + 1;
  if (level > MAX_VALUE_NESTING) lx.fail(`value nested more than ${MAX_VALUE_NESTING} deep (the SQL parser's nesting budget)`);
  const c = lx.peek();
  const t = lx.text;
  const next = t[lx.pos + 1];
  const mysql = lx.dialect === 'mysql';
  if (c === "'") return lx.string(mysql, MYSQL_ESCAPES);
  if ((c === 'N' || c === 'n') && next === "'") {
    lx.pos++;
    return lx.string(mysql, MYSQL_ESCAPES);
  }
  if ((c === 'E' || c === 'e') && next === "'" && lx.dialect === 'pgsql') {
    lx.pos++;
    return lx.string(true, PG_ESCAPES);
  }
  if ((c === 'X' || c === 'x') && next === "'") {
    lx.pos++;
    return sqlHexBytes(lx.string(false, {}));
  }
  if ((c === 'B' || c === 'b') && next === "'") {
    lx.pos++;
    const bits = lx.string(false, {});
    return bits === '' ? 0 : parseInt(bits, 2);
  }
  if (c === '0' && (next === 'x' || next === 'X')) {
    HEX.lastIndex = lx.pos + 2;
    const m = HEX.exec(t);
    lx.pos = HEX.lastIndex;
    return sqlHexBytes(m ? m[0] : '');
  }
  if (c === '{') {
    lx.pos++;
    lx.word();
    const inner = readValue(lx, level);
    lx.expect('}', "'}' closing the {ts …} escape");
    return inner;
  }
  if (c === '_' && mysql) {
    lx.word();
    return primary(lx, level);
  }
  if ((c >= '0' && c <= '9') || c === '-' || c === '+' || c === '.') {
    const fast = plainInteger(lx);
    if (fast !== null) return fast;
    NUMBER.lastIndex = lx.pos;
    const m = NUMBER.exec(t);
    if (!m) lx.fail(`expected a value but found ${lx.here()}`);
    lx.pos = NUMBER.lastIndex;
    return sqlNumber(m[0]);
  }
  if (c === '(') {
    lx.pos++;
    const inner = readValue(lx, level);
    lx.expect(')', "')'");
    return inner;
  }
  const w = lx.word();
  if (!w) lx.fail(`expected a value but found ${lx.here()}`);
  switch (w.toUpperCase()) {
    case 'NULL':
      return null;
    case 'TRUE':
      return 1;
    case 'FALSE':
      return 0;
    case 'CAST':
      return cast(lx, level);
    case 'CONVERT':
      return convert(lx, level);
    default:
      lx.pos -= w.length;
      return lx.fail(`unsupported value ${lx.here()}`);
  }
}

/** Most values in a dump are short integers: read them without a regular expression. */
function plainInteger(lx: SqlLexer): number | null {
  const t = lx.text;
  let p = lx.pos;
  const sign = t.charCodeAt(p);
  if (sign === 45 || sign === 43) p++;
  const digits = p;
  while (p < t.length && t.charCodeAt(p) >= 48 && t.charCodeAt(p) <= 57) p++;
  const after = t.charCodeAt(p);
  if (p === digits || p - digits > 15 || after === 46 || after === 101 || after === 69) return null;
  const n = Number(t.slice(lx.pos, p));
  lx.pos = p;
  return n;
}

/** CAST(value AS type): SQL Server scripts write dates and decimals this way. */
function cast(lx: SqlLexer, depth: number): SqlCell {
  lx.expect('(', "'(' after CAST");
  const inner = readValue(lx, depth);
  if (!lx.keyword('AS')) lx.fail(`expected AS in CAST but found ${lx.here()}`);
  const type = (lx.word() ?? '').toLowerCase();
  if (lx.peek() === '(') lx.skipParens();
  lx.expect(')', "')' closing CAST");
  return sqlCast(inner, type);
}

/** CONVERT(type, value[, style]). */
function convert(lx: SqlLexer, depth: number): SqlCell {
  lx.expect('(', "'(' after CONVERT");
  const type = (lx.word() ?? '').toLowerCase();
  if (lx.peek() === '(') lx.skipParens();
  lx.expect(',', "',' in CONVERT");
  const inner = readValue(lx, depth);
  if (lx.eat(',')) readValue(lx, depth);
  lx.expect(')', "')' closing CONVERT");
  return sqlCast(inner, type);
}
