// Message-ID headroom to the 32-bit limits, and the decoded hm_settings the Overview shows.
import { describe, expect, it } from 'vitest';
import { INT32_MAX, UINT32_MAX, messageIdHeadroom } from '../../src/lib/report/formatMessageIdHeadroom.ts';
import { KEY_SETTINGS, describeLogging, describeSetting } from '../../src/lib/report/formatKeySetting.ts';

describe('messageIdHeadroom', () => {
  it('gives what is left to the signed and unsigned limits', () => {
    const [signed, unsigned] = messageIdHeadroom(1045);
    expect(signed).toMatchObject({ limit: 'signed', max: 2_147_483_647, left: 2_147_482_602 });
    expect(unsigned).toMatchObject({ limit: 'unsigned', max: 4_294_967_295, left: 4_294_966_250 });
    expect(signed.usedPercent).toBeCloseTo((1045 / INT32_MAX) * 100, 10);
  });

  it('goes negative once a limit is passed', () => {
    const [signed, unsigned] = messageIdHeadroom(INT32_MAX + 10);
    expect(signed.left).toBe(-10);
    expect(signed.usedPercent).toBeGreaterThan(100);
    expect(unsigned.left).toBe(UINT32_MAX - INT32_MAX - 10);
  });
});

describe('key settings', () => {
  it('decodes the logging mask (hmailserver.md §2.6)', () => {
    expect(describeLogging(0)).toBe('off (0)');
    expect(describeLogging(18)).toBe('off (18)');
    expect(describeLogging(19)).toBe('on: SMTP, application (19)');
    expect(describeLogging(1)).toBe('on: nothing selected (1)');
    expect(describeLogging(1 + 2 + 4 + 64 + 256)).toBe('on: SMTP, POP3, IMAP, keep files open (327)');
  });

  it('shows flags, numbers and text', () => {
    const byName = (name: string) => KEY_SETTINGS.find((s) => s.name === name)!;
    expect(describeSetting(byName('enableattachmentblocking'), null, 0)).toBe('off');
    expect(describeSetting(byName('enableattachmentblocking'), null, 1)).toBe('on');
    expect(describeSetting(byName('usespf'), null, null)).toBe('not set');
    expect(describeSetting(byName('spammarkthreshold'), null, 5)).toBe('5');
    expect(describeSetting(byName('mirroremailaddress'), '', 0)).toBe('(empty)');
    expect(describeSetting(byName('hostname'), 'mail.x.example', 0)).toBe('mail.x.example');
  });

  it('uses lower-case names, as the query lower()s hm_settings.settingname', () => {
    expect(KEY_SETTINGS.every((s) => s.name === s.name.toLowerCase())).toBe(true);
  });
});
