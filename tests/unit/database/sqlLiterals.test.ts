/**
 * The literal decoders the dump readers share: numbers, hex bytes, backslash escapes, SQL Server's binary
 * datetime and CAST/CONVERT. Expected values are worked out by hand from each engine's documented encoding.
 */
import { describe, expect, it } from 'vitest';
import { sqlCast } from '../../../src/lib/database/sqlCast.ts';
import { MYSQL_ESCAPES, pgEscape } from '../../../src/lib/database/sqlEscapes.ts';
import { sqlHexBytes } from '../../../src/lib/database/sqlHexBytes.ts';
import { sqlNumber } from '../../../src/lib/database/sqlNumber.ts';
import { sqlServerDateTime } from '../../../src/lib/database/sqlServerDateTime.ts';

/** 2000-01-01 is 36,524 days after 1900-01-01 (100 × 365 + 24 leap days; 1900 is not a leap year) = 0x8EAC. */
const Y2K_NOON_DATETIME = Uint8Array.of(0x00, 0x00, 0x8e, 0xac, 0x00, 0xc5, 0xc1, 0x00); // 12:00 = 43,200 s × 300 ticks = 0xC5C100
const Y2K_NOON_SMALLDATETIME = Uint8Array.of(0x8e, 0xac, 0x02, 0xd0); // 720 minutes

describe('sqlNumber', () => {
  it('reads integers as numbers while they are exact', () => {
    expect(sqlNumber('42')).toBe(42);
    expect(sqlNumber('-0012')).toBe(-12);
    expect(sqlNumber('+7')).toBe(7);
    expect(sqlNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('keeps an integer beyond 2^53 exact as a bigint (a 64-bit message id must not round)', () => {
    expect(sqlNumber('9007199254740993')).toBe(9007199254740993n);
    expect(sqlNumber('-9223372036854775808')).toBe(-9223372036854775808n);
  });

  it('reads decimals and exponents as numbers', () => {
    expect(sqlNumber('1.5e3')).toBe(1500);
    expect(sqlNumber('-0.25')).toBe(-0.25);
  });
});

describe('sqlHexBytes', () => {
  it('turns pairs of hex digits into bytes, either case', () => {
    expect([...sqlHexBytes('FF00a5')]).toEqual([0xff, 0x00, 0xa5]);
  });

  it('gives an odd count of digits an implied leading zero', () => {
    expect([...sqlHexBytes('abc')]).toEqual([0x0a, 0xbc]);
  });

  it('reads an empty literal as no bytes', () => {
    expect(sqlHexBytes('').length).toBe(0);
  });
});

describe('pgEscape', () => {
  const at0 = (text: string) => pgEscape(text, 0);

  it('reads the single-letter escapes', () => {
    expect(at0('\\n')).toEqual({ text: '\n', length: 2 });
    expect(at0('\\v')).toEqual({ text: '\v', length: 2 });
  });

  it('reads one to three octal digits', () => {
    expect(at0('\\101B')).toEqual({ text: 'A', length: 4 });
    expect(at0('\\7x')).toEqual({ text: '\x07', length: 2 });
    expect(at0('\\1011')).toEqual({ text: 'A', length: 4 });
  });

  it('reads \\x with one or two hex digits', () => {
    expect(at0('\\x41')).toEqual({ text: 'A', length: 4 });
    expect(at0('\\x4g')).toEqual({ text: '\x04', length: 3 });
  });

  it('reads \\u with four and \\U with eight hex digits', () => {
    expect(at0('\\u00e9')).toEqual({ text: 'é', length: 6 });
    expect(at0('\\U0001F600')).toEqual({ text: '😀', length: 10 });
  });

  it('takes an incomplete \\u and an unknown escape as the character itself', () => {
    expect(at0('\\u12')).toEqual({ text: 'u', length: 2 });
    expect(at0("\\'")).toEqual({ text: "'", length: 2 });
    expect(at0('\\')).toEqual({ text: '', length: 2 });
  });

  it('reads at the given offset', () => {
    expect(pgEscape('ab\\tc', 2)).toEqual({ text: '\t', length: 2 });
  });
});

describe('MYSQL_ESCAPES', () => {
  it('maps \\0 and \\Z to their control characters and keeps the LIKE escapes', () => {
    expect(MYSQL_ESCAPES['0']).toBe('\0');
    expect(MYSQL_ESCAPES.Z).toBe('\x1a');
    expect(MYSQL_ESCAPES['%']).toBe('\\%');
    expect(MYSQL_ESCAPES._).toBe('\\_');
  });
});

describe('sqlServerDateTime', () => {
  it('decodes datetime: signed days since 1900-01-01 and 1/300-second ticks', () => {
    expect(sqlServerDateTime(Y2K_NOON_DATETIME, 'datetime')).toBe('2000-01-01 12:00:00');
  });

  it('decodes a negative day count as a date before 1900', () => {
    expect(sqlServerDateTime(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0), 'datetime')).toBe('1899-12-31 00:00:00');
  });

  it('decodes smalldatetime: days since 1900-01-01 and minutes', () => {
    expect(sqlServerDateTime(Y2K_NOON_SMALLDATETIME, 'smalldatetime')).toBe('2000-01-01 12:00:00');
  });

  it('reads the bytes where a view over a larger buffer starts', () => {
    const buffer = new Uint8Array(12);
    buffer.set(Y2K_NOON_DATETIME, 4);
    expect(sqlServerDateTime(buffer.subarray(4), 'datetime')).toBe('2000-01-01 12:00:00');
  });

  it('gives null for a length that does not fit the type', () => {
    expect(sqlServerDateTime(Y2K_NOON_SMALLDATETIME, 'datetime')).toBeNull();
    expect(sqlServerDateTime(Y2K_NOON_DATETIME, 'smalldatetime')).toBeNull();
    expect(sqlServerDateTime(Y2K_NOON_DATETIME, 'date')).toBeNull();
  });
});

describe('sqlCast', () => {
  it('decodes binary datetimes and keeps bytes it cannot decode', () => {
    expect(sqlCast(Y2K_NOON_DATETIME, 'datetime')).toBe('2000-01-01 12:00:00');
    expect(sqlCast(Y2K_NOON_SMALLDATETIME, 'smalldatetime')).toBe('2000-01-01 12:00:00');
    const odd = Uint8Array.of(1, 2, 3);
    expect(sqlCast(odd, 'datetime')).toBe(odd);
  });

  it('turns decimal strings into numbers and keeps a string that is not one', () => {
    expect(sqlCast('12.50', 'decimal')).toBe(12.5);
    expect(sqlCast('3', 'money')).toBe(3);
    expect(sqlCast('n/a', 'numeric')).toBe('n/a');
  });

  it('keeps any other cast as written', () => {
    expect(sqlCast('12.50', 'varchar')).toBe('12.50');
    expect(sqlCast(Y2K_NOON_DATETIME, 'varbinary')).toBe(Y2K_NOON_DATETIME);
  });
});
