/**
 * MD5, SHA-1 and SHA-256 of bytes held whole, as lower-case hex: the three hashes examiners match files and
 * attachments by (hash sets, NSRL, threat feeds). SHA-1 and SHA-256 come from WebCrypto, which uses the CPU's
 * SHA instructions and runs on another thread, so they are started first and computed while this thread does
 * MD5 in hash-wasm (WebCrypto has no MD5). Measured in Chromium on 31 KB inputs: hash-wasm took 0.14 ms for
 * SHA-256 and 0.11 ms for SHA-1, WebCrypto about 0.09 ms for both together with 20 inputs in flight.
 */
import { createMD5, type IHasher } from 'hash-wasm';
import { hexOf } from './hexOf.ts';

export interface Digests {
  md5: string;
  sha1: string;
  sha256: string;
}

let md5Instance: Promise<IHasher> | null = null;

export async function md5Hex(bytes: Uint8Array): Promise<string> {
  md5Instance ??= createMD5();
  const md5 = await md5Instance;
  // init → update → digest runs without a pause, so callers interleaving on the event loop cannot mix.
  md5.init();
  md5.update(bytes);
  return md5.digest('hex');
}

async function webCryptoHex(algorithm: 'SHA-1' | 'SHA-256', bytes: Uint8Array): Promise<string> {
  return hexOf(new Uint8Array(await crypto.subtle.digest(algorithm, bytes as Uint8Array<ArrayBuffer>)));
}

export function sha256Hex(bytes: Uint8Array): Promise<string> {
  return webCryptoHex('SHA-256', bytes);
}

export async function digestBytes(bytes: Uint8Array): Promise<Digests> {
  const sha1 = webCryptoHex('SHA-1', bytes);
  const sha256 = webCryptoHex('SHA-256', bytes);
  const md5 = await md5Hex(bytes);
  return { md5, sha1: await sha1, sha256: await sha256 };
}
