// hMailServer's two-column IP values as the page and the case database show them (hmailserver.md §2.4.4).
import { describe, expect, it } from 'vitest';
import { decodeIpAddress } from '../../../src/lib/ip/decodeIpAddress.ts';

describe('decodeIpAddress', () => {
  it('decodes IPv4 and both IPv6 halves, negative high halves included', () => {
    expect(decodeIpAddress(2130706433, null)).toBe('127.0.0.1');
    expect(decodeIpAddress('3232261141', '')).toBe('192.168.100.21');
    expect(decodeIpAddress('2306139568115548160', '1')).toBe('2001:db8::1');
    expect(decodeIpAddress('-108086391056891904', '0')).toBe('fe80::');
    expect(decodeIpAddress(null, null)).toBe('');
  });
});
