/**
 * Offline DKIM checks (RFC 6376, RFC 8463) of every DKIM-Signature field on the original bytes: the body
 * hash always, b= too when a DNS snapshot holds the key. signatureOk is b= alone, independent of the body
 * hash, so "headers authentic, body changed" stays visible; the reason says both.
 */
import type { DkimCheck } from '../model/message.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import { base64ToBytes } from '../model/base64.ts';
import { dkimBodyHash } from './dkimBodyHash.ts';
import { canonicalizeBody } from './dkimCanonBody.ts';
import { canonicalizeHeader } from './dkimCanonHeader.ts';
import { dkimPublicKey } from './dkimPublicKey.ts';
import { parseTagList } from './dkimTags.ts';
import { latin1Decode, latin1Encode } from './latin1.ts';
import type { RawHeaderBlock, RawHeaderField } from './splitHeaders.ts';

/** Signatures checked per message: each costs a body hash, and a forged message may carry hundreds. */
const MAX_DKIM_SIGNATURES = 10;

type Canon = 'simple' | 'relaxed';

function rawField(bytes: Uint8Array, f: RawHeaderField): string {
  return latin1Decode(bytes.subarray(f.start, f.end)).replace(/\r?\n/g, '\r\n');
}

function parseCanon(c: string | undefined): [Canon, Canon] | null {
  const [h, b] = (c ?? 'simple/simple').toLowerCase().split('/');
  const header = h || 'simple';
  const body = b ?? 'simple';
  if ((header !== 'simple' && header !== 'relaxed') || (body !== 'simple' && body !== 'relaxed')) return null;
  return [header, body];
}

/** The signed header data: h= fields bottom-up, then the signature field with b= emptied and no final CRLF. */
function signedHeaderData(bytes: Uint8Array, block: RawHeaderBlock, sig: RawHeaderField, names: string[], canon: Canon): string {
  const byName = new Map<string, RawHeaderField[]>();
  for (const f of block.fields) {
    const key = f.name.toLowerCase();
    const list = byName.get(key) ?? [];
    list.push(f);
    byName.set(key, list);
  }
  let data = '';
  for (const name of names) {
    const f = byName.get(name)?.pop();
    if (f) data += canonicalizeHeader(rawField(bytes, f), canon);
  }
  const own = rawField(bytes, sig);
  const colon = own.indexOf(':');
  const emptied = own.slice(0, colon + 1) + own.slice(colon + 1).replace(/(^|[;\s])(b[ \t\r\n]*=)(?:[ \t\r\n]*[A-Za-z0-9+/=])*/, '$1$2');
  return data + canonicalizeHeader(emptied, canon).replace(/\r\n$/, '');
}

/** What the signature claims (d=, s=, a=, c=) before anything about it is known. */
function uncheckedResult(tags: Map<string, string>, reason: string): DkimCheck {
  return {
    domain: (tags.get('d') ?? '').toLowerCase(),
    selector: tags.get('s') ?? '',
    algorithm: (tags.get('a') ?? '').toLowerCase(),
    canonicalization: tags.get('c') ?? 'simple/simple',
    bodyHashOk: null,
    signatureOk: null,
    reason,
  };
}

async function checkOne(bytes: Uint8Array, block: RawHeaderBlock, sig: RawHeaderField, dns: DnsSnapshot | null): Promise<DkimCheck> {
  const { tags, duplicates } = parseTagList(sig.value);
  const check = uncheckedResult(tags, '');
  const missing = ['v', 'a', 'b', 'bh', 'd', 'h', 's'].filter((t) => !tags.has(t));
  if (missing.length > 0) {
    check.reason = `malformed signature: missing ${missing.map((t) => `${t}=`).join(', ')}`;
    return check;
  }
  if (duplicates.length > 0) {
    check.reason = `malformed signature: ${duplicates.map((t) => `${t}=`).join(', ')} given twice`;
    return check;
  }
  const algo = /^(rsa|ed25519)-(sha1|sha256)$/.exec(check.algorithm);
  const canon = parseCanon(tags.get('c'));
  if (!algo || !canon) {
    check.reason = !algo ? `unsupported algorithm a=${check.algorithm}` : `unsupported canonicalization c=${check.canonicalization}`;
    return check;
  }
  const hash = algo[2] as 'sha1' | 'sha256';
  const notes: string[] = [];

  const body = bytes.subarray(Math.min(block.bodyOffset, bytes.length));
  const lTag = tags.get('l');
  let length: number | undefined;
  if (lTag !== undefined) {
    if (!/^\d{1,76}$/.test(lTag)) {
      check.reason = `malformed signature: l=${lTag} is not a number`;
      return check;
    }
    length = Number(lTag);
  }
  const canonical = canonicalizeBody(body, canon[1]);
  const canonicalLength = canonical.length;
  const expected = (tags.get('bh') ?? '').replace(/\s+/g, '');
  if (length !== undefined && length > canonicalLength) {
    check.bodyHashOk = false;
    notes.push(`l=${length} is longer than the canonical body (${canonicalLength} bytes): the body was shortened after signing`);
  } else {
    const actual = await dkimBodyHash(canonical, hash === 'sha1' ? 'sha1' : 'sha256', length);
    check.bodyHashOk = actual === expected;
    notes.push(check.bodyHashOk ? 'body hash matches bh=' : `body hash ${actual} differs from bh=${expected}: the body changed after signing`);
    if (length !== undefined && length < canonicalLength) {
      notes.push(`only the first ${length} of ${canonicalLength} canonical body bytes are signed (l=); the rest could have been added later`);
    }
  }

  if (!dns) {
    notes.push('signature not verified: no DNS snapshot with the public key');
  } else {
    const key = await dkimPublicKey(dns, check.selector, check.domain, hash);
    if (!key.ok) {
      notes.push(`signature not verified: ${key.reason}`);
    } else if (key.kind !== algo[1]) {
      check.signatureOk = false;
      notes.push(`the key of ${key.name} is ${key.kind}, the signature is ${check.algorithm}`);
    } else {
      const signature = base64ToBytes(tags.get('b') ?? '');
      const names = (tags.get('h') ?? '').split(':').map((n) => n.trim().toLowerCase()).filter(Boolean);
      if (!signature) {
        check.signatureOk = false;
        notes.push('b= is not valid base64');
      } else {
        const data = latin1Encode(signedHeaderData(bytes, block, sig, names, canon[0])) as Uint8Array<ArrayBuffer>;
        const sigBytes = signature as Uint8Array<ArrayBuffer>;
        check.signatureOk =
          key.kind === 'ed25519'
            ? await crypto.subtle.verify({ name: 'Ed25519' }, key.key, sigBytes, new Uint8Array(await crypto.subtle.digest('SHA-256', data)))
            : await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key.key, sigBytes, data);
        const keyText = `${key.kind === 'rsa' ? `RSA ${key.bits ?? '?'}-bit` : 'Ed25519'} key of ${key.name}${key.wrapped ? ' (PKCS#1, wrapped as SPKI)' : ''}`;
        notes.push(check.signatureOk ? `b= verifies with the ${keyText}` : `b= does not verify with the ${keyText}: signed headers changed after signing`);
        if (!names.includes('from')) notes.push('h= does not cover From');
        if (key.testing) notes.push('the key record is in testing mode (t=y)');
      }
    }
  }
  check.reason = notes.join('; ');
  return check;
}

export async function verifyDkim(bytes: Uint8Array, block: RawHeaderBlock, dns: DnsSnapshot | null): Promise<DkimCheck[]> {
  const signatures = block.fields.filter((f) => f.name.toLowerCase() === 'dkim-signature').slice(0, MAX_DKIM_SIGNATURES);
  const checks: DkimCheck[] = [];
  for (const sig of signatures) {
    try {
      checks.push(await checkOne(bytes, block, sig, dns));
    } catch (err) {
      checks.push(uncheckedResult(parseTagList(sig.value).tags, `check failed: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
  return checks;
}
