import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSpf } from '../../../src/lib/mail/evaluateSpf.ts';
import { parseZoneFile } from '../../../src/lib/mail/parseZoneFile.ts';
import { hasSamples, SAMPLES_DIR } from '../../helpers/sharedSamples.ts';

const dns = parseZoneFile(
  [
    '$ORIGIN corp.example.',
    '@          TXT "v=spf1 ip4:192.0.2.0/28 ip6:2001:db8:1::/48 a:web.corp.example mx include:_spf.partner.example ~all"',
    'web        A   198.51.100.80',
    '@          MX  10 mx1',
    'mx1        A   198.51.100.25',
    'mx1        AAAA 2001:db8:2::25',
    '$ORIGIN partner.example.',
    '_spf       TXT "v=spf1 ip4:203.0.113.0/24 -all"',
    'redir      TXT "v=spf1 redirect=_spf.partner.example"',
    'hardfail   TXT "v=spf1 -all"',
    'neutral    TXT "v=spf1 ?ip4:192.0.2.1"',
    'nomatch    TXT "v=spf1 ip4:192.0.2.1"',
    'two        TXT "v=spf1 -all"',
    'two        TXT "v=spf1 +all"',
    'badterm    TXT "v=spf1 foo:bar -all"',
    'unknownref TXT "v=spf1 include:missing.elsewhere.example -all"',
    'noa        TXT "v=spf1 a:ghost.elsewhere.example -all"',
    'sender     TXT "v=spf1 exists:%{l}.x.example -all"',
    'macro      TXT "v=spf1 exists:%{ir}.rbl.partner.example -all"',
    '1.2.0.192.rbl A 127.0.0.2',
    'noSPF      MX 10 mx1.corp.example.',
    'loop       TXT "v=spf1 include:loop.partner.example -all"',
    'many       TXT "v=spf1 include:a1.partner.example include:a2.partner.example include:a3.partner.example include:a4.partner.example include:a5.partner.example include:a6.partner.example -all"',
    ...[1, 2, 3, 4, 5, 6].map((i) => `a${i} TXT "v=spf1 a:h${i}.partner.example a:h${i}b.partner.example"`),
    ...[1, 2, 3, 4, 5, 6].flatMap((i) => [`h${i} A 192.0.2.200`, `h${i}b A 192.0.2.201`]),
  ].join('\n'),
  'spf.zone',
);

describe('evaluateSpf', () => {
  it('zone has no problems', () => expect(dns.problems).toEqual([]));

  it.each([
    ['192.0.2.7', 'corp.example', 'pass', /ip4:192\.0\.2\.0\/28/],
    ['2001:db8:1:ff::1', 'corp.example', 'pass', /ip6:2001:db8:1::\/48/],
    ['198.51.100.80', 'corp.example', 'pass', /web\.corp\.example has address 198\.51\.100\.80/],
    ['198.51.100.25', 'corp.example', 'pass', /MX host mx1\.corp\.example/],
    ['2001:db8:2::25', 'corp.example', 'pass', /MX host/],
    ['203.0.113.44', 'corp.example', 'pass', /included _spf\.partner\.example passed/],
    ['192.0.2.99', 'corp.example', 'softfail', /~all/],
    ['203.0.113.44', 'redir.partner.example', 'pass', /ip4:203\.0\.113\.0\/24/],
    ['192.0.2.1', 'redir.partner.example', 'fail', /-all/],
    ['192.0.2.1', 'hardfail.partner.example', 'fail', /-all/],
    ['192.0.2.1', 'neutral.partner.example', 'neutral', /\?ip4/],
    ['192.0.2.9', 'nomatch.partner.example', 'neutral', /default neutral/],
    ['192.0.2.1', 'two.partner.example', 'permerror', /2 SPF records/],
    ['192.0.2.1', 'badterm.partner.example', 'permerror', /unknown mechanism "foo:bar"/],
    ['192.0.2.1', 'unknownref.partner.example', 'temperror', /no records for missing\.elsewhere\.example/],
    ['192.0.2.1', 'noa.partner.example', 'temperror', /no records for ghost\.elsewhere\.example/],
    ['192.0.2.1', 'sender.partner.example', 'temperror', /macro %\{l\} needs the envelope sender/],
    ['192.0.2.1', 'macro.partner.example', 'pass', /1\.2\.0\.192\.rbl\.partner\.example exists/],
    ['192.0.2.1', 'nospf.partner.example', 'none', /publishes no SPF record/],
    ['192.0.2.1', 'absent.example', 'none', /holds no records for absent\.example/],
    ['192.0.2.1', 'loop.partner.example', 'permerror', /more than 10 DNS lookups/],
    ['192.0.2.250', 'many.partner.example', 'permerror', /more than 10 DNS lookups/],
    ['not-an-ip', 'corp.example', 'none', /not an IP address/],
  ])('%s for %s → %s', (ip, domain, result, reason) => {
    const r = evaluateSpf(ip, domain, dns);
    expect(r.result).toBe(result);
    expect(r.reason).toMatch(reason);
  });
});

describe.skipIf(!hasSamples)('SPF of the sample snapshot', () => {
  const sample = () => parseZoneFile(readFileSync(join(SAMPLES_DIR, 'sample-dns.zone'), 'utf8'), 'sample-dns.zone');
  it('the signing relay passes, another host fails', () => {
    expect(evaluateSpf('198.51.100.20', 'fabrikam.example', sample()).result).toBe('pass');
    expect(evaluateSpf('192.0.2.10', 'fabrikam.example', sample()).result).toBe('fail');
  });
});
