/** Which addresses isPrivateIp calls non-routable, in the spellings Received headers and logs use. */
import { describe, expect, it } from 'vitest';
import { isPrivateIp } from '../../../src/lib/ip/isPrivateIp.ts';

describe('isPrivateIp', () => {
  it.each([
    '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '127.0.0.1', '0.1.2.3', '169.254.1.1', '100.64.0.1', '100.127.255.255',
    '[10.0.0.1]', ' 192.168.1.1 ', '010.0.0.1', '::1', 'IPv6:::1', '[ipv6:fe80::1]', 'fe80::1%eth0', 'febf::1', 'fc00::1', 'FD12:3456::1',
    '::ffff:10.0.0.1', '::ffff:192.168.1.1', '::ffff:a00:1', '0:0:0:0:0:0:0:1',
  ])('%s is private', (ip) => {
    expect(isPrivateIp(ip)).toBe(true);
  });

  it.each([
    '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.0.2.1', '255.255.255.255', '224.0.0.1', '256.0.0.1',
    '2001:db8::1', '::', 'fec0::1', 'ff02::1', '::ffff:8.8.8.8', '64:ff9b::10.0.0.1', 'fc::1', 'fe8::1', 'fd00::zz', 'example.com', '', null, undefined,
  ])('%s is not private', (ip) => {
    expect(isPrivateIp(ip)).toBe(false);
  });
});
