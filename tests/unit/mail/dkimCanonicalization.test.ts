import { describe, expect, it } from 'vitest';
import { canonicalizeBody } from '../../../src/lib/mail/dkimCanonBody.ts';
import { canonicalizeHeader } from '../../../src/lib/mail/dkimCanonHeader.ts';
import { dkimBodyHash } from '../../../src/lib/mail/dkimBodyHash.ts';

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

describe('dkimBodyHash (the bh= verifyDkim compares)', () => {
  const bh = (body: Uint8Array, canon: 'simple' | 'relaxed', algo: 'sha1' | 'sha256', length?: number) =>
    dkimBodyHash(canonicalizeBody(body, canon), algo, length);

  it('hashes the empty body as the RFC 6376 §3.4.3/§3.4.4 values', async () => {
    expect(await bh(enc(''), 'simple', 'sha256')).toBe('frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=');
    expect(await bh(enc(''), 'relaxed', 'sha256')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await bh(enc(''), 'simple', 'sha1')).toBe('uoq1oCgLlTqpdDX/iUbLy7J1Wic=');
  });

  it('matches the RFC 8463 example body hash', async () => {
    const body = enc('Hi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n\r\n');
    expect(await bh(body, 'relaxed', 'sha256')).toBe('2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=');
  });

  it('hashes only the first l= bytes of the canonical body', async () => {
    const full = enc('Hello\r\nworld\r\n');
    expect(await bh(full, 'simple', 'sha256', 7)).toBe(await bh(enc('Hello\r\n'), 'simple', 'sha256'));
    expect(await bh(full, 'simple', 'sha256', 7)).not.toBe(await bh(full, 'simple', 'sha256'));
  });
});
