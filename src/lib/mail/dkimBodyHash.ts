/** The DKIM body hash (bh=) of a canonical body (dkimCanonBody.ts): keep the first l= bytes, hash, base64. */
import { bytesToBase64 } from '../model/base64.ts';

export async function dkimBodyHash(canonical: Uint8Array, algo: 'sha1' | 'sha256', length?: number): Promise<string> {
  const signed = length === undefined ? canonical : canonical.subarray(0, Math.max(0, Math.min(length, canonical.length)));
  const digest = await crypto.subtle.digest(algo === 'sha1' ? 'SHA-1' : 'SHA-256', signed as Uint8Array<ArrayBuffer>);
  return bytesToBase64(new Uint8Array(digest));
}
