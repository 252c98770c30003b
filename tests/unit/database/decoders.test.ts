import { describe, expect, it } from 'vitest';
import { decodeIpAddress } from '../../../src/lib/ip/decodeIpAddress.ts';
import { decodeMessageFlags } from '../../../src/lib/database/decodeMessageFlags.ts';
import { decodeRangeOptions } from '../../../src/lib/database/decodeRangeOptions.ts';
import { examinerSettings } from '../../../src/lib/database/examinerSettings.ts';
import { normalizeTime } from '../../../src/lib/database/normalizeTime.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { referenceCaseDb } from './dbTestKit.ts';

describe('decoders', () => {
  it('message flags', () => {
    expect(decodeMessageFlags(33)).toEqual(['seen', 'recent']);
    expect(decodeMessageFlags(127)).toEqual(['seen', 'deleted', 'flagged', 'answered', 'draft', 'recent', 'virus-scan']);
    expect(decodeMessageFlags(128)).toEqual(['bit-128']);
  });

  it('range options: the defaults of reference §2.4.5', () => {
    expect(decodeRangeOptions(96203)).toEqual([
      'allow-smtp', 'allow-pop3', 'allow-imap', 'relay-local-to-local', 'relay-local-to-external', 'relay-external-to-local',
      'relay-external-to-external', 'spam-protection', 'virus-protection', 'auth-local-to-local', 'auth-local-to-external',
      'auth-external-to-external',
    ]);
    expect(decodeRangeOptions(0)).toEqual([]);
    expect(decodeRangeOptions(4 | 262144)).toEqual(['bit-4', 'bit-262144']);
  });

  it('IP columns: IPv4, IPv6 with negative halves, RFC 5952 text', () => {
    expect(decodeIpAddress(2130706433, null)).toBe('127.0.0.1');
    expect(decodeIpAddress('3232261141', null)).toBe('192.168.100.21');
    expect(decodeIpAddress('2306139568115548160', '1')).toBe('2001:db8::1');
    expect(decodeIpAddress('-108086391056891904', '0')).toBe('fe80::');
    expect(decodeIpAddress('0', '1')).toBe('::1');
    expect(decodeIpAddress('-1', '-1')).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(decodeIpAddress('2306139568115548160', '281474976710657')).toBe('2001:db8::1:0:0:1');
    expect(decodeIpAddress(null, null)).toBe('');
  });

  it('times: one shape or null', () => {
    expect(normalizeTime('2024-05-12T09:00:00.000')).toBe('2024-05-12 09:00:00');
    expect(normalizeTime('2024-05-12')).toBe('2024-05-12 00:00:00');
    expect(normalizeTime('2024-13-12 00:00:00')).toBeNull();
    expect(normalizeTime('12/05/2024')).toBeNull();
    expect(normalizeTime(null)).toBeNull();
  });
});

describe.skipIf(!hasSamples)('examinerSettings on the sample', () => {
  it('decodes the settings that matter, with the message-id headroom', async () => {
    const s = examinerSettings(readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x', []));
    expect(s.hostname).toBe('mail.northwind.example');
    expect(s.mirrorAddress).toBe('');
    expect(s.spamTests).toMatchObject({
      spf: { setting: 'usespf', enabled: false, score: 3 },
      heloHost: { setting: 'ascheckhostinhelo', enabled: false, score: null },
      mxRecords: { enabled: true, score: 2 },
      dkimVerification: { setting: 'ASDKIMVerificationEnabled', enabled: false },
      ptr: { enabled: null, score: null },
    });
    expect(s.spamThresholds).toEqual({ mark: 5, delete: 20 });
    expect(s.attachmentBlocking).toMatchObject({ enabled: false });
    expect(s.autoBan).toMatchObject({ enabled: false, maxInvalidLogonAttempts: 3, banMinutes: null });
    expect(s.logging).toMatchObject({ mask: 19, enabled: true, smtp: true, pop3: false, application: true, imap: false });
    expect(s.relay).toMatchObject({ smartHost: 'smtp.relay.example' });
    expect(s.messageIds).toEqual({ max: 1046, headroomToSigned32: 2147483647 - 1046, headroomToUnsigned32: 4294967295 - 1046 });
    expect(JSON.stringify(s)).not.toMatch(/password/i);
  });
});
