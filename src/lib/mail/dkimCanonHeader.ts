/** RFC 6376 §3.4.1/§3.4.2 header canonicalisation of one field given as a byte-exact binary string. */

/** `raw` is the whole field (name, colon, value, folding) with CRLF line ends; the result ends in CRLF. */
export function canonicalizeHeader(raw: string, canon: 'simple' | 'relaxed'): string {
  const field = raw.endsWith('\r\n') ? raw : `${raw}\r\n`;
  if (canon === 'simple') return field;
  const colon = field.indexOf(':');
  const name = field.slice(0, colon).replace(/[ \t]+$/, '').toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
  return `${name}:${value}\r\n`;
}
