/**
 * Incremental MD5 + SHA-1 + SHA-256 of one byte stream (hash-wasm; its WASM is inlined, so it works offline).
 * WASM instances are pooled: instantiating two per archive entry costs seconds over tens of thousands of entries.
 */
import { createMD5, createSHA1, createSHA256, type IHasher } from 'hash-wasm';

export interface Hasher {
  update(chunk: Uint8Array): void;
  /** Lowercase hex digests. Ends the hasher: it goes back to the pool and must not be used again. */
  digest(): { md5: string; sha1: string; sha256: string };
}

interface Pair {
  md5: IHasher;
  sha1: IHasher;
  sha256: IHasher;
}

const idle: Pair[] = [];

async function takePair(): Promise<Pair> {
  const pair = idle.pop();
  if (pair) return pair;
  const [md5, sha1, sha256] = await Promise.all([createMD5(), createSHA1(), createSHA256()]);
  return { md5, sha1, sha256 };
}

/** @throws Error when `update` or `digest` is called after `digest` (a programming error). */
export async function createHasher(): Promise<Hasher> {
  let pair: Pair | null = await takePair();
  pair.md5.init();
  pair.sha1.init();
  pair.sha256.init();
  const live = (): Pair => {
    if (!pair) throw new Error('hasher used after digest()');
    return pair;
  };
  return {
    update(chunk) {
      const p = live();
      p.md5.update(chunk);
      p.sha1.update(chunk);
      p.sha256.update(chunk);
    },
    digest() {
      const p = live();
      const out = { md5: p.md5.digest('hex'), sha1: p.sha1.digest('hex'), sha256: p.sha256.digest('hex') };
      pair = null;
      idle.push(p);
      return out;
    },
  };
}
