/** The zone guess on hand-built stamps: most pairs fit, no zone fits, one offset only, nothing to go on. */
import { describe, expect, it } from 'vitest';
import { guessServerZone } from '../../../../src/lib/analyze/zone/guessServerZone.ts';
import { placeholderTime } from '../../../../src/lib/time/placeholderTime.ts';
import { buildCase, guid, hop, mailboxPath, message } from '../caseBuilder.ts';

/** A message with the server's stamp at `utc` written with `offset` minutes. */
const stamped = (i: number, utc: string, offset: number) =>
  message(mailboxPath('alice@northwind.example', guid(i)), { received: [hop({ time: utc, offsetMinutes: offset })] });

describe('guessServerZone', () => {
  it('picks the zone that fits most pairs when one stamp disagrees, and says how many', () => {
    const messages = [
      stamped(1, '2023-10-20T12:00:00.000Z', -240),
      stamped(2, '2023-11-01T12:00:00.000Z', -240),
      stamped(3, '2023-11-10T12:00:00.000Z', -300),
      stamped(4, '2023-11-20T12:00:00.000Z', -300),
      stamped(5, '2023-11-21T12:00:00.000Z', 60),
    ];
    const guess = guessServerZone(buildCase({ messages }))!;
    expect(guess.zone.id).toBe('America/New_York');
    expect(guess.zone.basis).toMatch(/^−04:00 in 2 from 2023-10-20 to 2023-11-01, then −05:00 in 2 .* then \+01:00 in 1 .*: fits 4 of 5: America\/New_York/);
    expect(guess.candidates[0]).toEqual({ id: 'America/New_York', fits: 4 });
  });

  it('keeps a fixed offset when no zone changes the way the stamps do', () => {
    const messages = [stamped(1, '2024-01-10T12:00:00.000Z', 345), stamped(2, '2024-07-10T12:00:00.000Z', 405), stamped(3, '2024-07-11T12:00:00.000Z', 405)];
    const guess = guessServerZone(buildCase({ messages }))!;
    expect(guess.zone).toMatchObject({ id: 'UTC+06:45', fixedOffsetMinutes: 405 });
    expect(guess.zone.basis).toMatch(/the most common offset, in 2 of 3, .* UTC\+06:45 is used; no zone fits/);
  });

  it('is null without a stamped server hop', () => {
    expect(guessServerZone(buildCase({}))).toBeNull();
    expect(guessServerZone(buildCase({ messages: [message('a.eml', { received: [hop({ offsetMinutes: null })] })] }))).toBeNull();
  });
});

describe('placeholderTime', () => {
  it('names the hMailServer "never", zero and epoch defaults, and impossible dates', () => {
    expect(placeholderTime('1901-01-01 00:00:00')).toEqual({ shown: 'never', reason: 'hMailServer "never" value (1901-01-01)' });
    expect(placeholderTime('0000-00-00 00:00:00')?.shown).toBe('not set');
    expect(placeholderTime('1970-01-01T00:00:00.000Z')?.shown).toBe('not set');
    expect(placeholderTime('1975-06-01 10:00:00')?.reason).toMatch(/^year 1975/);
    expect(placeholderTime('2024-02-30 10:00:00')?.shown).toBe('invalid');
    expect(placeholderTime('2031-05-01 10:00:00')).toBeNull();
    expect(placeholderTime('2024-05-01T10:00:00.000Z')).toBeNull();
  });
});

describe('dateHeaderOffset', () => {
  it('reads numeric and named zones, and takes -0000 as "zone unknown"', async () => {
    const { dateHeaderOffset } = await import('../../../../src/lib/analyze/zone/zoneEvidence.ts');
    expect(dateHeaderOffset('Sun, 5 Nov 2023 01:30:00 -0400')).toBe(-240);
    expect(dateHeaderOffset('Sun, 5 Nov 2023 01:30:00 -0500 (EST)')).toBe(-300);
    expect(dateHeaderOffset('Sun, 5 Nov 2023 01:30:00 EST')).toBe(-300);
    expect(dateHeaderOffset('Sun, 5 Nov 2023 01:30:00 -0000')).toBeNull();
    expect(dateHeaderOffset('yesterday')).toBeNull();
  });
});
