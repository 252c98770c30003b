import { describe, expect, it } from 'vitest';
import { canonicalizeBody } from '../../../src/lib/mail/dkimCanonBody.ts';
import { canonicalizeHeader } from '../../../src/lib/mail/dkimCanonHeader.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('DKIM canonicalisation (RFC 6376 §3.4.5 example)', () => {
  const body = enc(' C \r\nD \t E\r\n\r\n\r\n');
  it('relaxed body', () => expect(dec(canonicalizeBody(body, 'relaxed'))).toBe(' C\r\nD E\r\n'));
  it('simple body', () => expect(dec(canonicalizeBody(body, 'simple'))).toBe(' C \r\nD \t E\r\n'));
  it('relaxed headers', () => {
    expect(canonicalizeHeader('A: X\r\n', 'relaxed') + canonicalizeHeader('B : Y\t\r\n\tZ  \r\n', 'relaxed')).toBe('a:X\r\nb:Y Z\r\n');
  });
  it('simple headers keep every byte', () => {
    expect(canonicalizeHeader('B : Y\t\r\n\tZ  \r\n', 'simple')).toBe('B : Y\t\r\n\tZ  \r\n');
  });
  it('empty bodies: CRLF for simple, nothing for relaxed', () => {
    expect(dec(canonicalizeBody(enc(''), 'simple'))).toBe('\r\n');
    expect(dec(canonicalizeBody(enc('\r\n\r\n'), 'simple'))).toBe('\r\n');
    expect(dec(canonicalizeBody(enc(''), 'relaxed'))).toBe('');
    expect(dec(canonicalizeBody(enc(' \t\r\n\r\n'), 'relaxed'))).toBe('');
  });
  it('reads bare LF as CRLF and ends the last line', () => {
    expect(dec(canonicalizeBody(enc('a\nb'), 'simple'))).toBe('a\r\nb\r\n');
    expect(dec(canonicalizeBody(enc('a  b \n\n'), 'relaxed'))).toBe('a b\r\n');
  });
});
