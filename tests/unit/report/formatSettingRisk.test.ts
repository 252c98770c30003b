import { describe, expect, it } from 'vitest';
import { formatSettingRisk } from '../../../src/lib/report/formatSettingRisk.ts';

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
