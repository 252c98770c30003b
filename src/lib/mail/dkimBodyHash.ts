/** The DKIM body hash (bh=) of a raw body: canonicalise, keep the first l= bytes, hash, base64. */
import { bytesToBase64 } from '../model/base64.ts';
import { canonicalizeBody } from './dkimCanonBody.ts';

export async function dkimBodyHash(
  body: Uint8Array,
  canon: 'simple' | 'relaxed',
  algo: 'sha1' | 'sha256',
  length?: number,
): Promise<string> {
  const canonical = canonicalizeBody(body, canon);
  const signed = length === undefined ? canonical : canonical.subarray(0, Math.max(0, Math.min(length, canonical.length)));
  const digest = await crypto.subtle.digest(algo === 'sha1' ? 'SHA-1' : 'SHA-256', signed as Uint8Array<ArrayBuffer>);
  return bytesToBase64(new Uint8Array(digest));
}
