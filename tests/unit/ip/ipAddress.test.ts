/** parseIp reads only strict spellings and writes RFC 5952 text; ipInCidr matches within one family. */
import { describe, expect, it } from 'vitest';
import { ipInCidr, parseIp, type IpAddress } from '../../../src/lib/ip/ipAddress.ts';

const ip = (text: string): IpAddress => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`not an address: ${text}`);
  return parsed;
};

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', 4, '192.0.2.1'],
    [' 10.0.0.1 ', 4, '10.0.0.1'],
    ['0.0.0.0', 4, '0.0.0.0'],
    ['255.255.255.255', 4, '255.255.255.255'],
    ['2001:DB8:0:0:0:0:0:1', 6, '2001:db8::1'],
    ['2001:db8:0:1:0:0:0:1', 6, '2001:db8:0:1::1'],
    ['1:0:0:2:0:0:3:4', 6, '1::2:0:0:3:4'],
    ['2001:db8:0:1:1:1:1:1', 6, '2001:db8:0:1:1:1:1:1'],
    ['::', 6, '::'],
    ['::1', 6, '::1'],
    ['fe80::1%eth0', 6, 'fe80::1'],
    ['::ffff:192.0.2.1', 6, '::ffff:c000:201'],
    ['::ffff:c000:201', 6, '::ffff:c000:201'],
    ['64:ff9b::192.0.2.1', 6, '64:ff9b::c000:201'],
  ])('reads %s as IPv%i %s', (text, version, canonical) => {
    expect(parseIp(text)).toMatchObject({ version, text: canonical });
  });

  it('keeps an IPv4-compatible address as written, not as the mapped one ipaddr.js would make of it', () => {
    expect(parseIp('::192.0.2.1')?.text).toBe('::c000:201');
    expect([...ip('::ffff:192.0.2.1').bytes.slice(10)]).toEqual([0xff, 0xff, 192, 0, 2, 1]);
  });

  it.each([
    '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '010.0.0.1', '0x7f.0.0.1', '127.1', '2130706433', '1.2.3.-4',
    ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '12345::1', 'g::1', ':1:2:3:4:5:6:7',
    '::ffff:01.2.3.4', '::ffff:256.1.1.1', '::1.2.3', '1:2:3:4:5:6:7:1.2.3.4', 'example.com',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('gives the bytes in network order', () => {
    expect([...ip('192.0.2.1').bytes]).toEqual([192, 0, 2, 1]);
    expect([...ip('2001:db8::ff01').bytes]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x01]);
  });
});

describe('ipInCidr', () => {
  it.each([
    ['192.0.2.130', '192.0.2.128', 25, true],
    ['192.0.2.127', '192.0.2.128', 25, false],
    ['172.31.255.255', '172.16.0.0', 12, true],
    ['172.32.0.0', '172.16.0.0', 12, false],
    ['100.127.0.1', '100.64.0.0', 10, true],
    ['192.0.2.1', '192.0.2.1', 32, true],
    ['192.0.2.2', '192.0.2.1', 32, false],
    ['203.0.113.9', '10.0.0.0', 0, true],
    ['192.0.2.2', '192.0.2.1', 33, false],
    ['192.0.2.2', '192.0.2.1', -1, true],
    ['fd12:3456::1', 'fc00::', 7, true],
    ['fe00::1', 'fc00::', 7, false],
    ['2001:db8:1::1', '2001:db8::', 32, true],
    ['2001:db9::1', '2001:db8::', 32, false],
    ['2001:db8::1', '2001:db8::1', 200, true],
  ])('%s in %s/%i: %s', (a, network, prefix, expected) => {
    expect(ipInCidr(ip(a), ip(network), prefix)).toBe(expected);
  });

  it('never matches across families, not even an IPv4-mapped address against its IPv4 network', () => {
    expect(ipInCidr(ip('::ffff:192.0.2.1'), ip('192.0.2.0'), 24)).toBe(false);
    expect(ipInCidr(ip('192.0.2.1'), ip('::ffff:192.0.2.0'), 120)).toBe(false);
    expect(ipInCidr(ip('192.0.2.1'), ip('::'), 0)).toBe(false);
  });
});
