/**
 * The one CSV writer of every export: RFC 4180 (fields with comma, quote, CR or LF quoted, quotes doubled,
 * CRLF ends a record). Evidence text is attacker-controlled, so a text cell starting with = + - @ TAB or CR
 * is prefixed with an apostrophe (OWASP "CSV Injection"): a spreadsheet shows it as text and never runs
 * it as a formula. Numbers are written as they are. DOM-free, so the UI and the core share it.
 */

export type CsvValue = string | number | boolean | bigint | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** One record with its CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${csvLine(values)}\r\n`;
}
