/**
 * A DKIM public key from a DNS snapshot (`<selector>._domainkey.<domain>` TXT, RFC 6376 §3.6.1),
 * imported into WebCrypto: RSA keys as SPKI (raw PKCS#1 RSAPublicKey keys are wrapped), Ed25519 raw.
 */
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import { base64ToBytes } from '../model/base64.ts';
import { parseTagList } from './dkimTags.ts';
import { lookupRecords } from './dnsLookup.ts';

export type DkimKey =
  | { ok: true; key: CryptoKey; kind: 'rsa' | 'ed25519'; bits: number | null; testing: boolean; name: string; wrapped: boolean }
  | { ok: false; reason: string };

const RSA_ALGORITHM_ID = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** Reads a DER header at `at`: [tag, content start, content length] or null. */
function derHeader(b: Uint8Array, at: number): [number, number, number] | null {
  if (at + 2 > b.length) return null;
  const tag = b[at];
  let len = b[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || start + count > b.length) return null;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + b[start + i];
    start += count;
  }
  return start + len <= b.length ? [tag, start, len] : null;
}

/** Modulus size in bits of a PKCS#1 RSAPublicKey, or null. */
function pkcs1Bits(b: Uint8Array): number | null {
  const seq = derHeader(b, 0);
  if (!seq || seq[0] !== 0x30) return null;
  const mod = derHeader(b, seq[1]);
  if (!mod || mod[0] !== 0x02) return null;
  let start = mod[1];
  let len = mod[2];
  while (len > 0 && b[start] === 0) { start++; len--; }
  return len > 0 ? (len - 1) * 8 + (32 - Math.clz32(b[start])) : null;
}

/** Splits SPKI vs PKCS#1: SPKI starts SEQUENCE{SEQUENCE{OID…}}, PKCS#1 SEQUENCE{INTEGER…}. */
function toSpki(der: Uint8Array): { spki: Uint8Array; bits: number | null; wrapped: boolean } | null {
  const outer = derHeader(der, 0);
  if (!outer || outer[0] !== 0x30) return null;
  const inner = derHeader(der, outer[1]);
  if (!inner) return null;
  if (inner[0] === 0x30) {
    const bitString = derHeader(der, inner[1] + inner[2]);
    const bits = bitString && bitString[0] === 0x03 ? pkcs1Bits(der.subarray(bitString[1] + 1, bitString[1] + bitString[2])) : null;
    return { spki: der, bits, wrapped: false };
  }
  if (inner[0] !== 0x02) return null;
  const bitString = [0x03, ...derLength(der.length + 1), 0x00];
  const body = RSA_ALGORITHM_ID.length + bitString.length + der.length;
  const spki = new Uint8Array([0x30, ...derLength(body), ...RSA_ALGORITHM_ID, ...bitString, ...der]);
  return { spki, bits: pkcs1Bits(der), wrapped: true };
}

export async function dkimPublicKey(dns: DnsSnapshot, selector: string, domain: string, hash: 'sha1' | 'sha256'): Promise<DkimKey> {
  const name = `${selector}._domainkey.${domain}`.toLowerCase();
  const answer = lookupRecords(dns, name, 'TXT');
  if (answer.records.length === 0) {
    return { ok: false, reason: `the DNS snapshot holds no TXT record for ${name}` };
  }
  const candidates = answer.records.map((r) => parseTagList(r.value)).filter((t) => t.tags.has('p'));
  if (candidates.length === 0) return { ok: false, reason: `the TXT record of ${name} is not a DKIM key (no p= tag)` };
  if (candidates.length > 1) return { ok: false, reason: `${name} has ${candidates.length} DKIM key records; the key is ambiguous` };
  const { tags } = candidates[0];
  const version = tags.get('v');
  if (version !== undefined && version !== 'DKIM1') return { ok: false, reason: `key record of ${name} has v=${version}, not DKIM1` };
  const kind = (tags.get('k') ?? 'rsa').toLowerCase();
  const hashes = tags.get('h')?.toLowerCase().split(':').map((h) => h.trim());
  if (hashes && !hashes.includes(hash)) return { ok: false, reason: `key record of ${name} allows h=${tags.get('h')}, not ${hash}` };
  const p = tags.get('p') ?? '';
  if (p.replace(/\s+/g, '') === '') return { ok: false, reason: `the key of ${name} is revoked (empty p=)` };
  const der = base64ToBytes(p);
  if (!der) return { ok: false, reason: `p= of ${name} is not valid base64` };
  const testing = (tags.get('t') ?? '').split(':').some((f) => f.trim() === 'y');

  try {
    if (kind === 'ed25519') {
      if (der.length !== 32) return { ok: false, reason: `Ed25519 key of ${name} is ${der.length} bytes, not 32` };
      const key = await crypto.subtle.importKey('raw', der as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      return { ok: true, key, kind: 'ed25519', bits: 256, testing, name, wrapped: false };
    }
    if (kind !== 'rsa') return { ok: false, reason: `key type k=${kind} of ${name} is not supported` };
    const spki = toSpki(der);
    if (!spki) return { ok: false, reason: `p= of ${name} is neither an SPKI nor a PKCS#1 RSA public key` };
    const key = await crypto.subtle.importKey(
      'spki',
      spki.spki as Uint8Array<ArrayBuffer>,
      { name: 'RSASSA-PKCS1-v1_5', hash: hash === 'sha1' ? 'SHA-1' : 'SHA-256' },
      false,
      ['verify'],
    );
    return { ok: true, key, kind: 'rsa', bits: spki.bits, testing, name, wrapped: spki.wrapped };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `the key of ${name} could not be imported into WebCrypto (${why})` };
  }
}
