// The report formatters the page uses for hMailServer's encoded columns: IP pairs, range option bits and
// message flags (hmailserver.md §2.4.2, §2.4.4, §2.4.5).
import { describe, expect, it } from 'vitest';
import { formatIpAddress } from '../../../src/lib/report/formatIpAddress.ts';
import { formatMessageFlags } from '../../../src/lib/report/formatMessageFlags.ts';
import { formatRangeOptions } from '../../../src/lib/report/formatRangeOptions.ts';

describe('formatIpAddress', () => {
  it('decodes IPv4 and both IPv6 halves, negative high halves included', () => {
    expect(formatIpAddress(2130706433, null)).toBe('127.0.0.1');
    expect(formatIpAddress('3232261141', '')).toBe('192.168.100.21');
    expect(formatIpAddress('2306139568115548160', '1')).toBe('2001:db8::1');
    expect(formatIpAddress('-108086391056891904', '0')).toBe('fe80::');
    expect(formatIpAddress(null, null)).toBe('');
  });
});

describe('formatRangeOptions', () => {
  it('groups the Internet default (96203) as the IP range dialog does', () => {
    expect(formatRangeOptions(96203)).toEqual({
      allow: ['SMTP', 'POP3', 'IMAP'],
      relay: ['local→local', 'local→external', 'external→local', 'external→external'],
      authRequired: ['local→local', 'local→external', 'external→external'],
      protection: ['anti-spam', 'anti-virus'],
      other: [],
    });
  });

  it('names TLS, pre-5.1 and undefined bits under other; an auto-ban range allows nothing', () => {
    expect(formatRangeOptions(131072 | 2048 | 32 | 4).other).toEqual(['pre-5.1 AUTH required (32)', 'pre-5.1 forwarding relay (2048)', 'TLS required for AUTH', 'bit-4']);
    expect(formatRangeOptions(0)).toEqual({ allow: [], relay: [], authRequired: [], protection: [], other: [] });
  });
});

describe('formatMessageFlags', () => {
  it('lists the flags set, in bit order', () => {
    expect(formatMessageFlags(33)).toBe('seen, recent');
    expect(formatMessageFlags(1 | 2 | 4 | 8 | 16)).toBe('seen, deleted, flagged, answered, draft');
    expect(formatMessageFlags(0)).toBe('');
    expect(formatMessageFlags(null)).toBe('');
  });
});
