import { describe, expect, it } from 'vitest';
import { blowfishDecrypt } from '../../../src/lib/database/blowfishDecrypt.ts';
import { blowfishPiTables } from '../../../src/lib/database/blowfishPiTables.ts';

describe('blowfishDecrypt (hMailServer C/Util/BlowFish.cpp)', () => {
  it('starts from the digits of pi that every Blowfish uses', () => {
    const { p, s } = blowfishPiTables();
    expect(p[0]).toBe(0x243f6a88);
    expect(p[17]).toBe(0x8979fb1b);
    expect(s[0]).toBe(0xd1310ba6);
    expect(s[1023]).toBe(0x3ac372e6);
  });

  it('decrypts a publicly known pair: the hMailServer.ini database password of the HTB "Mailing" machine', () => {
    // Password=0a9f8ad8bf896b501dde74f08efd7e4c, decrypted to 6FC6F69152AD by the public
    // hMailDatabasePasswordDecrypter (built from hMailServer's own BlowFish.cpp) in several write-ups.
    expect(blowfishDecrypt('0a9f8ad8bf896b501dde74f08efd7e4c')).toBe('6FC6F69152AD');
    expect(blowfishDecrypt('0A9F8AD8BF896B501DDE74F08EFD7E4C')).toBe('6FC6F69152AD');
  });

  it('returns "" for an empty value and null for what hMailServer cannot have written', () => {
    expect(blowfishDecrypt('')).toBe('');
    expect(blowfishDecrypt('xyz')).toBeNull();
    expect(blowfishDecrypt('abc')).toBeNull();
    expect(blowfishDecrypt('00'.repeat(256))).toBeNull();
  });
});
