import { describe, expect, it } from 'vitest';
import { parseZoneFile } from '../../../src/lib/mail/parseZoneFile.ts';

describe('parseZoneFile', () => {
  it('reads $ORIGIN, $TTL, @, relative names, omitted owners and class/TTL in either order', () => {
    const zone = parseZoneFile(
      [
        '$ORIGIN Example.COM.',
        '$TTL 1h',
        '@        IN  MX  10 mail',
        '         IN  MX  20 backup.other.example.',
        '         TXT "v=spf1 mx -all"',
        'mail  300 IN A 192.0.2.25',
        'mail  IN 600 AAAA 2001:DB8:0:0::25',
        'www.example.com. CNAME mail',
        '$ORIGIN sub.example.com.',
        'host A 192.0.2.99 ; trailing comment',
      ].join('\n'),
      'z.zone',
    );
    expect(zone.problems).toEqual([]);
    expect(zone.path).toBe('z.zone');
    expect(zone.records).toEqual([
      { name: 'example.com', type: 'MX', ttl: 3600, value: '10 mail.example.com' },
      { name: 'example.com', type: 'MX', ttl: 3600, value: '20 backup.other.example' },
      { name: 'example.com', type: 'TXT', ttl: 3600, value: 'v=spf1 mx -all' },
      { name: 'mail.example.com', type: 'A', ttl: 300, value: '192.0.2.25' },
      { name: 'mail.example.com', type: 'AAAA', ttl: 600, value: '2001:db8::25' },
      { name: 'www.example.com', type: 'CNAME', ttl: 3600, value: 'mail.example.com' },
      { name: 'host.sub.example.com', type: 'A', ttl: 3600, value: '192.0.2.99' },
    ]);
  });

  it('joins multi-string TXT records across parenthesised lines, keeping ; inside quotes', () => {
    const zone = parseZoneFile(
      [
        'sel._domainkey.example.org. 3600 IN TXT ( "v=DKIM1; k=rsa; "   ; first part',
        '        "p=MIGfMA0GCSqGSIb3DQEB"',
        '        "AQUAA4GNADCBiQKBgQC" )',
        '_dmarc.example.org. TXT "v=DMARC1; p=reject" "; rua=mailto:d@example.org"',
        'esc.example.org. TXT "say \\"hi\\" \\059 ok"',
      ].join('\n'),
      'k.zone',
    );
    expect(zone.problems).toEqual([]);
    expect(zone.records.map((r) => [r.name, r.value])).toEqual([
      ['sel._domainkey.example.org', 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC'],
      ['_dmarc.example.org', 'v=DMARC1; p=reject; rua=mailto:d@example.org'],
      ['esc.example.org', 'say "hi" ; ok'],
    ]);
  });

  it('reads the SOA of a BIND zone spread over lines and keeps going', () => {
    const zone = parseZoneFile(
      ['$ORIGIN z.example.', '@ IN SOA ns1 hostmaster (', '   2024051301 ; serial', '   3600 900 604800 300 )', 'ns1 IN A 192.0.2.53'].join('\n'),
      'soa.zone',
    );
    expect(zone.problems).toEqual([]);
    expect(zone.records[0]).toMatchObject({ name: 'z.example', type: 'SOA' });
    expect(zone.records[1]).toEqual({ name: 'ns1.z.example', type: 'A', ttl: null, value: '192.0.2.53' });
  });

  it('reports problems by line and keeps the good records', () => {
    const zone = parseZoneFile(
      [
        'rel TXT "no origin"',
        'a.example. A 999.1.1.1',
        'b.example. MX mail.example.',
        '$INCLUDE other.zone',
        'c.example. TXT "unterminated',
      ].join('\n'),
      'bad.zone',
    );
    expect(zone.problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(zone.problems[0].reason).toMatch(/relative name "rel" without \$ORIGIN/);
    expect(zone.problems[1].reason).toMatch(/not an IPv4 address/);
    expect(zone.problems[2].reason).toMatch(/MX record of b\.example needs a preference/);
    expect(zone.problems[3].reason).toMatch(/\$INCLUDE is not supported/);
    expect(zone.problems[4].reason).toMatch(/unterminated/);
    expect(zone.records.map((r) => r.name)).toEqual(['rel', 'c.example']);
  });

  it('reports unbalanced parentheses and owner-less first records', () => {
    const zone = parseZoneFile('   TXT "x"\nx.example. TXT ( "a"\n', 'p.zone');
    expect(zone.problems.map((p) => p.reason)).toEqual(['record without an owner name and no previous owner', 'unclosed "(" at end of file']);
    expect(zone.records).toEqual([{ name: 'x.example', type: 'TXT', ttl: null, value: 'a' }]);
  });
});
