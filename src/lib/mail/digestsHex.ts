/**
 * MD5, SHA-1 and SHA-256 of bytes as lower-case hex: the three hashes examiners match attachments by
 * (hash sets, NSRL, threat feeds). hash-wasm, one instance of each per worker, as sha256Hex.ts explains.
 */
import { createMD5, createSHA1, createSHA256, type IHasher } from 'hash-wasm';

export interface Digests {
  md5: string;
  sha1: string;
  sha256: string;
}

let instances: Promise<[IHasher, IHasher, IHasher]> | null = null;

export async function digestsHex(bytes: Uint8Array): Promise<Digests> {
  instances ??= Promise.all([createMD5(), createSHA1(), createSHA256()]);
  const [md5, sha1, sha256] = await instances;
  // Each init → update → digest runs without a pause, so callers interleaving on the event loop cannot mix.
  md5.init();
  md5.update(bytes);
  sha1.init();
  sha1.update(bytes);
  sha256.init();
  sha256.update(bytes);
  return { md5: md5.digest('hex'), sha1: sha1.digest('hex'), sha256: sha256.digest('hex') };
}
