/**
 * The small questions the analyzers ask of a case: a setting by name, the server's host names and its own
 * Received hop, whether a hop was an authenticated submission, the blocked-attachment list, domains and times.
 */
import { describe, expect, it } from 'vitest';
import { blockedAttachmentList } from '../../../../src/lib/analyze/support/blockedAttachmentList.ts';
import { isAuthenticatedHop } from '../../../../src/lib/analyze/support/isAuthenticatedHop.ts';
import { isoToMs } from '../../../../src/lib/analyze/support/isoToMs.ts';
import { isSameOrSubdomain } from '../../../../src/lib/analyze/support/isSameOrSubdomain.ts';
import { serverHostNames } from '../../../../src/lib/analyze/support/serverHostNames.ts';
import { serverReceivedHop } from '../../../../src/lib/analyze/support/serverReceivedHop.ts';
import { settingValue } from '../../../../src/lib/analyze/support/settingValue.ts';
import type { HmailDatabase } from '../../../../src/lib/model/hmailDatabase.ts';
import type { ParsedMessage, ReceivedHop } from '../../../../src/lib/model/message.ts';

function hop(by: string | null, withText: string | null = 'SMTP', ip: string | null = null): ReceivedHop {
  return { raw: '', from: null, fromPtr: null, ip, by, with: withText, id: null, for: null, time: null, offsetMinutes: null };
}

/** Only the parts of a database these helpers read. */
function database(settings: Record<string, string>, blocked: string[] = []): HmailDatabase {
  const rows = Object.fromEntries(Object.entries(settings).map(([name, value]) => [name, { name, string: value, integer: 0 }]));
  return { settings: rows, blockedAttachments: blocked.map((wildcard) => ({ wildcard, description: '' })) } as unknown as HmailDatabase;
}

const message = (...received: ReceivedHop[]) => ({ received }) as ParsedMessage;

describe('settingValue', () => {
  it('finds a setting by its exact name or in another case, and null without one or without a database', () => {
    const db = database({ HostName: 'mail.example.com', AutoBanOnLogonFailure: '1' });
    expect(settingValue(db, 'HostName')?.string).toBe('mail.example.com');
    expect(settingValue(db, 'hostname')?.string).toBe('mail.example.com');
    expect(settingValue(db, 'autobanonlogonfailure')?.name).toBe('AutoBanOnLogonFailure');
    expect(settingValue(db, 'smtprelayer')).toBeNull();
    expect(settingValue(null, 'hostname')).toBeNull();
  });
});

describe('serverHostNames', () => {
  it('takes the hostname setting and the name most stored messages were received by', () => {
    const messages = [message(hop('MX1.example.com')), message(hop('mx1.example.com ')), message(hop('mx2.example.com')), message()];
    expect(serverHostNames({ database: database({ hostname: ' Mail.Example.com ' }), messages })).toEqual(new Set(['mail.example.com', 'mx1.example.com']));
  });

  it('breaks a tie between names in string order, and works without a database', () => {
    const messages = [message(hop('b.example.com')), message(hop('a.example.com'))];
    expect(serverHostNames({ database: null, messages })).toEqual(new Set(['a.example.com']));
  });
});

describe('serverReceivedHop', () => {
  it("takes the topmost hop by one of the server's names, not a hop the sender wrote below it", () => {
    const own = hop('mail.example.com', 'SMTP', '203.0.113.9');
    const forged = hop('mail.example.com', 'SMTP', '10.0.0.1');
    expect(serverReceivedHop(message(hop('spamfilter.example.net'), own, forged), new Set(['mail.example.com']))).toBe(own);
    expect(serverReceivedHop(message(hop(' MAIL.example.com ')), new Set(['mail.example.com']))?.by).toBe(' MAIL.example.com ');
  });

  it('takes the top hop when no name is known, and none when no hop is by the server', () => {
    const top = hop('x.example');
    expect(serverReceivedHop(message(top, hop('y.example')), new Set())).toBe(top);
    expect(serverReceivedHop(message(hop('x.example')), new Set(['mail.example.com']))).toBeNull();
    expect(serverReceivedHop(message(), new Set())).toBeNull();
  });
});

describe('isAuthenticatedHop', () => {
  it('knows the RFC 3848 authenticated protocols', () => {
    for (const w of ['ESMTPA', 'ESMTPSA', 'esmtpsa', 'SMTPA', 'LMTPSA', 'ESMTPSA id 12']) expect(isAuthenticatedHop(hop('x', w)), w).toBe(true);
  });

  it('does not take a plain or TLS-only submission, or a missing with, for an authenticated one', () => {
    for (const w of ['SMTP', 'ESMTP', 'ESMTPS', 'LMTP', 'HTTP', 'ESMTPAX']) expect(isAuthenticatedHop(hop('x', w)), w).toBe(false);
    expect(isAuthenticatedHop(hop('x', null))).toBe(false);
  });
});

describe('blockedAttachmentList', () => {
  it("takes the database's wildcards when it has any", () => {
    expect(blockedAttachmentList({ database: database({}, ['*.exe', '*.js']) })).toEqual({ wildcards: ['*.exe', '*.js'], source: 'database' });
  });

  it("falls back to hMailServer 5.6's default list without a database or with an empty table", () => {
    const fallback = blockedAttachmentList({ database: database({}) });
    expect(fallback.source).toBe('default');
    expect(fallback.wildcards).toHaveLength(14);
    expect(fallback.wildcards).toContain('*.scr');
    expect(blockedAttachmentList({ database: null }).source).toBe('default');
  });
});

describe('isSameOrSubdomain', () => {
  it('matches the domain itself and its subdomains, in any case, but not a name that only ends the same', () => {
    expect(isSameOrSubdomain('Example.com', 'example.COM')).toBe(true);
    expect(isSameOrSubdomain('mail.eu.example.com', 'example.com')).toBe(true);
    expect(isSameOrSubdomain('badexample.com', 'example.com')).toBe(false);
    expect(isSameOrSubdomain('example.com', 'mail.example.com')).toBe(false);
  });
});

describe('isoToMs', () => {
  it('reads ISO UTC text and gives null for none or garbage', () => {
    expect(isoToMs('1970-01-01T00:00:01.500Z')).toBe(1500);
    expect(isoToMs(null)).toBeNull();
    expect(isoToMs(undefined)).toBeNull();
    expect(isoToMs('')).toBeNull();
    expect(isoToMs('not a time')).toBeNull();
  });
});
