/**
 * One CSV record of the timeline exports: RFC 4180 (fields with comma, quote, CR or LF quoted, quotes doubled,
 * CRLF ends the record). Log and header text is attacker-controlled, so a text cell starting with = + - @ TAB or
 * CR is prefixed with an apostrophe (OWASP "CSV Injection"): a spreadsheet then shows it as text and never runs
 * it as a formula. Numbers are written as they are.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(values: (string | number | null)[]): string {
  return `${values.map(cell).join(',')}\r\n`;
}
