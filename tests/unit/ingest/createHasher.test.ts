/** MD5 + SHA-1 + SHA-256 against published digests, chunked against one-shot, and against WebCrypto on 20 MB. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHasher } from '../../../src/lib/ingest/createHasher.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function digestOf(chunks: Uint8Array[]) {
  const hasher = await createHasher();
  for (const c of chunks) hasher.update(c);
  return hasher.digest();
}

describe('createHasher', () => {
  it('hashes the empty input to the RFC 1321 / FIPS 180-2 digests', async () => {
    expect(await digestOf([])).toEqual({
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('hashes "abc" to the RFC 1321 / FIPS 180-2 digests', async () => {
    expect(await digestOf([text('abc')])).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('gives the same digests for uneven chunks as for one shot', async () => {
    const data = text('The quick brown fox jumps over the lazy dog. '.repeat(1000));
    const cuts = [0, 1, 2, 63, 64, 65, 1000, 4095, 20_000, data.length];
    const chunks = cuts.slice(1).map((end, i) => data.subarray(cuts[i], end));
    expect(await digestOf(chunks)).toEqual(await digestOf([data]));
    expect((await digestOf(chunks)).md5).toBe(createHash('md5').update(data).digest('hex'));
    expect((await digestOf(chunks)).sha1).toBe(createHash('sha1').update(data).digest('hex'));
  });

  it('matches WebCrypto SHA-256 and node MD5 on 20 MB fed in 1 MiB + odd chunks', async () => {
    const data = new Uint8Array(20 * 1000 * 1000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const chunks: Uint8Array[] = [];
    for (let at = 0, n = 1; at < data.length; at += 1024 * 1024 + n, n = (n * 7) % 997) chunks.push(data.subarray(at, at + 1024 * 1024 + n));
    const webCrypto = Buffer.from(await crypto.subtle.digest('SHA-256', data)).toString('hex');
    const got = await digestOf(chunks);
    expect(got.sha256).toBe(webCrypto);
    expect(got.md5).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('keeps concurrent hashers independent (the WASM instances are pooled)', async () => {
    const [a, b] = await Promise.all([createHasher(), createHasher()]);
    a.update(text('abc'));
    b.update(text('abd'));
    expect(a.digest().sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(b.digest().sha256).toBe(createHash('sha256').update('abd').digest('hex'));
    const reused = await createHasher();
    expect(reused.digest().md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('refuses use after digest', async () => {
    const h = await createHasher();
    h.digest();
    expect(() => h.update(text('x'))).toThrow(/after digest/);
  });
});
