import { describe, expect, it } from 'vitest';
import { formatSettingRisk } from '../../../src/lib/report/formatSettingRisk.ts';
import { formatMessageIdHeadroom } from '../../../src/lib/report/formatMessageIdHeadroom.ts';
import { formatServerRelease } from '../../../src/lib/report/formatServerRelease.ts';

describe('setting risk follows the risk, not on/off', () => {
  it.each([
    ['authallowplaintext', 0, null, 'safe'],
    ['authallowplaintext', 1, null, 'medium'],
    ['AutoBanOnLogonFailureEnabled', 0, null, 'medium'],
    ['autobanonlogonfailureenabled', 1, null, 'safe'],
    ['enableattachmentblocking', 0, null, 'medium'],
    ['usespf', 0, null, 'low'],
    ['usespf', 1, null, 'safe'],
    ['usegreylisting', 0, null, 'neutral'],
    ['usescriptserver', 1, null, 'low'],
    ['usescriptserver', 0, null, 'neutral'],
    ['usespf', null, null, 'unknown'],
    ['logging', 0, null, 'medium'],
    ['logging', 3, null, 'safe'],
    ['mirroremailaddress', null, 'copy@elsewhere.example', 'medium'],
    ['mirroremailaddress', null, '', 'safe'],
    ['maxinvalidlogonattempts', 50, null, 'low'],
    ['maxinvalidlogonattempts', 3, null, 'neutral'],
    ['hostname', null, 'mail.example', 'neutral'],
  ] as const)('%s = %s %s is %s', (name, integer, text, risk) => {
    expect(formatSettingRisk(name, integer, text).risk).toBe(risk);
  });

  it('says why a risky value is risky', () => {
    expect(formatSettingRisk('autobanonlogonfailureenabled', 0, null).why).toBe('password guessing is never blocked');
  });
});

describe('server release from the schema version', () => {
  it.each([
    [5601, 'hMailServer 5.6.x (5.6.0 – 5.6.9)'],
    [5400, 'hMailServer 5.4.x'],
    [5704, 'hMailServer 5.7 (development line)'],
    [4402, 'hMailServer 1.x – 4.x'],
    [9999, null],
    [null, null],
  ] as const)('%s is %s', (version, release) => {
    expect(formatServerRelease(version)).toBe(release);
  });
});

describe('highest message ID in words', () => {
  it('says what is left to the signed 32-bit limit', () => {
    expect(formatMessageIdHeadroom(1045)).toBe('1,045 (2,147,482,602 left to the signed 32-bit limit, < 0.01% used)');
    expect(formatMessageIdHeadroom(2_000_000_000)).toBe('2,000,000,000 (147,483,647 left to the signed 32-bit limit, 93.13% used)');
  });
});
