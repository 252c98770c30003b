// The report formatters the page uses for hMailServer's encoded columns: range option bits and message flags
// (hmailserver.md §2.4.2, §2.4.5). IP pairs: tests/unit/ip/decodeIpAddress.test.ts.
import { describe, expect, it } from 'vitest';
import { formatMessageFlags } from '../../../src/lib/report/formatMessageFlags.ts';
import { formatRangeOptions } from '../../../src/lib/report/formatRangeOptions.ts';

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
