import { describe, expect, it } from 'vitest';
import { parseChecked } from './fastParseOracle.ts';
import { parseZoneFile } from '../../../src/lib/mail/parseZoneFile.ts';
import { splitHeaders } from '../../../src/lib/mail/splitHeaders.ts';
import { verifyDkim } from '../../../src/lib/mail/verifyDkim.ts';
import type { DnsSnapshot } from '../../../src/lib/model/dnsSnapshot.ts';
import { hasSamples, SAMPLES_DIR } from '../../helpers/sharedSamples.ts';
import { fixtureBytes, fixtureText, NO_HASHES } from './fixtures.ts';
import { ALICE, sampleMessage } from './sampleMessages.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestEntry { file: string; selector: string; bodyHashOk: boolean; signatureOk: boolean; note: string }
const manifest = JSON.parse(fixtureText('dkim/manifest.json')) as ManifestEntry[];
const zone = parseZoneFile(fixtureText('dkim/keys.zone'), 'keys.zone');

const check = async (bytes: Uint8Array, dns: DnsSnapshot | null) => verifyDkim(bytes, splitHeaders(bytes), dns);

describe('DKIM fixtures signed by dkimpy', () => {
  it('has every kind of fixture and a clean zone', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20);
    expect(zone.problems).toEqual([]);
    expect(new Set(manifest.map((m) => m.selector))).toEqual(new Set(['rsa2048', 'rsa1024', 'pkcs1', 'ed25519']));
  });

  it.each(manifest.map((m) => [m.file, m] as const))('%s', async (file, m) => {
    const [result] = await check(fixtureBytes(`dkim/${file}`), zone);
    expect(result.domain).toBe('signer.example');
    expect(result.selector).toBe(m.selector);
    expect({ bodyHashOk: result.bodyHashOk, signatureOk: result.signatureOk }).toEqual({ bodyHashOk: m.bodyHashOk, signatureOk: m.signatureOk });
  });

  it('reads algorithm and canonicalisation from the signature', async () => {
    const [ed] = await check(fixtureBytes('dkim/ed25519-relaxed-relaxed.eml'), zone);
    expect(ed).toMatchObject({ algorithm: 'ed25519-sha256', canonicalization: 'relaxed/relaxed' });
    const [sha1] = await check(fixtureBytes('dkim/rsa1024-sha1-relaxed-simple.eml'), zone);
    expect(sha1).toMatchObject({ algorithm: 'rsa-sha1', canonicalization: 'relaxed/simple', signatureOk: true });
    const [pkcs1] = await check(fixtureBytes('dkim/pkcs1-key-simple-relaxed.eml'), zone);
    expect(pkcs1.reason).toMatch(/PKCS#1, wrapped as SPKI/);
  });

  it('says when l= leaves unsigned text at the end', async () => {
    const [r] = await check(fixtureBytes('dkim/length-tag-relaxed-relaxed.appended.eml'), zone);
    expect(r.bodyHashOk).toBe(true);
    expect(r.reason).toMatch(/only the first \d+ of \d+ canonical body bytes are signed/);
  });

  it('checks the body hash without DNS and leaves the signature open', async () => {
    const [ok] = await check(fixtureBytes('dkim/rsa2048-relaxed-relaxed.eml'), null);
    expect(ok).toMatchObject({ bodyHashOk: true, signatureOk: null });
    expect(ok.reason).toMatch(/no DNS snapshot/);
    const [bad] = await check(fixtureBytes('dkim/rsa2048-relaxed-relaxed.body-altered.eml'), null);
    expect(bad).toMatchObject({ bodyHashOk: false, signatureOk: null });
  });

  it('explains a missing, revoked or wrong-type key without a verdict', async () => {
    const bytes = fixtureBytes('dkim/ed25519-relaxed-relaxed.eml');
    const empty: DnsSnapshot = { path: 'x', records: [], problems: [] };
    const [missing] = await check(bytes, empty);
    expect(missing.signatureOk).toBeNull();
    expect(missing.reason).toMatch(/no TXT record for ed25519\._domainkey\.signer\.example/);
    const revoked = parseZoneFile('ed25519._domainkey.signer.example. TXT "v=DKIM1; k=ed25519; p="', 'r');
    const [r] = await check(bytes, revoked);
    expect(r.signatureOk).toBeNull();
    expect(r.reason).toMatch(/revoked/);
    const rsaKey = zone.records.find((x) => x.name === 'rsa1024._domainkey.signer.example')!;
    const wrongType: DnsSnapshot = { path: 'w', records: [{ ...rsaKey, name: 'ed25519._domainkey.signer.example' }], problems: [] };
    const [w] = await check(bytes, wrongType);
    expect(w.signatureOk).toBe(false);
  });

  it('reports a malformed signature instead of throwing', async () => {
    const bytes = new TextEncoder().encode('DKIM-Signature: v=1; a=rsa-sha256; d=x.example\r\nFrom: a@x.example\r\n\r\nhi\r\n');
    const [r] = await check(bytes, zone);
    expect(r).toMatchObject({ domain: 'x.example', bodyHashOk: null, signatureOk: null });
    expect(r.reason).toMatch(/missing b=, bh=, h=, s=/);
  });
});

describe('RFC 8463 Appendix A example', () => {
  const dns = parseZoneFile(fixtureText('rfc8463/keys.zone'), 'rfc8463.zone');
  const bytes = fixtureBytes('rfc8463/signed-twice.eml');

  it('verifies both the Ed25519 and the RSA signature', async () => {
    const results = await check(bytes, dns);
    expect(results.map((r) => [r.selector, r.algorithm, r.bodyHashOk, r.signatureOk])).toEqual([
      ['brisbane', 'ed25519-sha256', true, true],
      ['test', 'rsa-sha256', true, true],
    ]);
  });

  it('fails the body hash when the body changes and the signature when a signed header changes', async () => {
    const text = new TextDecoder().decode(bytes);
    const body = await check(new TextEncoder().encode(text.replace('hungry', 'angry')), dns);
    expect(body.map((r) => [r.bodyHashOk, r.signatureOk])).toEqual([[false, true], [false, true]]);
    const header = await check(new TextEncoder().encode(text.replace('dinner', 'lunch')), dns);
    expect(header.map((r) => [r.bodyHashOk, r.signatureOk])).toEqual([[true, false], [true, false]]);
    const addedFrom = await check(new TextEncoder().encode(text.replace('From: Joe', 'From: Mallory <m@evil.example>\r\nFrom: Joe')), dns);
    expect(addedFrom.map((r) => r.signatureOk)).toEqual([false, false]);
    const unsignedHeader = await check(new TextEncoder().encode(text.replace('Message-ID:', 'X-Mailer: any\r\nMessage-ID:')), dns);
    expect(unsignedHeader.map((r) => r.signatureOk)).toEqual([true, true]);
  });

  it('verifies the same message with bare LF line ends', async () => {
    const lf = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\r\n/g, '\n'));
    expect((await check(lf, dns)).map((r) => [r.bodyHashOk, r.signatureOk])).toEqual([[true, true], [true, true]]);
  });
});

describe.skipIf(!hasSamples)('sample case DKIM (needs shared samples)', () => {
  const paths = {
    '45': `${ALICE}/45/{454D6093-3586-4582-8E3F-B778E65787C7}.eml`,
    '7A': `${ALICE}/7A/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml`,
    CF: `${ALICE}/CF/{CF74E39A-FD79-49D3-B451-43FCB93D0630}.eml`,
    EE: `${ALICE}/EE/{EEF66292-3E4D-4B1B-98C7-7ECBD7639CEA}.eml`,
  };
  const sampleZone = () => parseZoneFile(readFileSync(join(SAMPLES_DIR, 'sample-dns.zone'), 'utf8'), 'sample-dns.zone');

  it('45 and 7A: body changed after signing', async () => {
    for (const p of [paths['45'], paths['7A']]) {
      const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
      expect(m.dkim).toHaveLength(1);
      expect(m.dkim[0]).toMatchObject({ domain: 'fabrikam.example', selector: 'sel2024', bodyHashOk: false, signatureOk: null });
    }
  });

  it('CF and EE: body hash and signature verify with the sample zone', async () => {
    for (const p of [paths.CF, paths.EE]) {
      const withoutDns = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
      expect(withoutDns.dkim[0]).toMatchObject({ bodyHashOk: true, signatureOk: null });
      const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: sampleZone() });
      expect(m.dkim[0]).toMatchObject({ algorithm: 'rsa-sha256', canonicalization: 'relaxed/relaxed', bodyHashOk: true, signatureOk: true });
    }
  });

  it('accepts the snapshot passed directly, as the pipeline does', async () => {
    const m = await parseChecked(await sampleMessage(paths.CF), paths.CF, NO_HASHES, sampleZone());
    expect(m.dkim[0].signatureOk).toBe(true);
  });

  it('45 and 7A: the signed headers are authentic even though the body changed', async () => {
    const m = await parseChecked(await sampleMessage(paths['45']), paths['45'], NO_HASHES, { dns: sampleZone() });
    expect(m.dkim[0]).toMatchObject({ bodyHashOk: false, signatureOk: true });
    expect(m.dkim[0].reason).toMatch(/body changed after signing/);
  });
});
