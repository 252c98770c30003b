import { describe, expect, it } from 'vitest';
import { conversionNote, localTimeConverter } from '../../../src/lib/time/localTimeConverter.ts';
import { localToUtc } from '../../../src/lib/time/localToUtc.ts';
import { fixedZone, parseServerZone } from '../../../src/lib/time/serverZone.ts';
import { zoneOffsetAt } from '../../../src/lib/time/zoneOffsetAt.ts';

const iana = (id: string) => parseServerZone(id, 'test')!;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('zoneOffsetAt', () => {
  it('follows daylight saving per instant', () => {
    expect(zoneOffsetAt('America/New_York', Date.UTC(2023, 9, 1))).toBe(-240);
    expect(zoneOffsetAt('America/New_York', Date.UTC(2023, 11, 1))).toBe(-300);
    expect(zoneOffsetAt('Europe/Berlin', Date.UTC(2024, 6, 1))).toBe(120);
    expect(zoneOffsetAt('Europe/Berlin', Date.UTC(2024, 0, 1))).toBe(60);
    expect(zoneOffsetAt('Asia/Kolkata', Date.UTC(2024, 0, 1))).toBe(330);
  });
});

describe('localTimeConverter', () => {
  const cases: { zone: string; local: string; utc: string | null; note: RegExp | null }[] = [
    { zone: 'America/New_York', local: '2023-11-04 14:37:21', utc: '2023-11-04T18:37:21.000Z', note: null },
    { zone: 'America/New_York', local: '2023-11-06 14:37:21', utc: '2023-11-06T19:37:21.000Z', note: null },
    // Autumn: 01:30 happens twice; the first (EDT, −04:00) is the default and the second is named.
    { zone: 'America/New_York', local: '2023-11-05 01:30:00', utc: '2023-11-05T05:30:00.000Z', note: /ambiguous.*2023-11-05T06:30:00.000Z/ },
    { zone: 'America/New_York', local: '2023-11-05 02:00:00', utc: '2023-11-05T07:00:00.000Z', note: null },
    // Spring: 02:30 never happens.
    { zone: 'America/New_York', local: '2024-03-10 02:30:00.250', utc: '2024-03-10T07:30:00.250Z', note: /nonexistent/ },
    { zone: 'America/New_York', local: '2024-03-10 03:00:00', utc: '2024-03-10T07:00:00.000Z', note: null },
    { zone: 'Europe/Berlin', local: '2024-03-31 01:59:59', utc: '2024-03-31T00:59:59.000Z', note: null },
    { zone: 'Europe/Berlin', local: '2024-03-31 02:15:00', utc: '2024-03-31T01:15:00.000Z', note: /nonexistent/ },
    { zone: 'Europe/Berlin', local: '2024-03-31 03:00:00', utc: '2024-03-31T01:00:00.000Z', note: null },
    { zone: 'Europe/Berlin', local: '2024-10-27 02:30:00', utc: '2024-10-27T00:30:00.000Z', note: /ambiguous.*2024-10-27T01:30:00.000Z/ },
    { zone: 'Europe/Berlin', local: '2024-10-27 03:00:00', utc: '2024-10-27T02:00:00.000Z', note: null },
    { zone: 'Europe/Berlin', local: '2024-02-30 10:00:00', utc: null, note: null },
    { zone: 'Europe/Berlin', local: 'yesterday', utc: null, note: null },
  ];
  for (const c of cases) {
    it(`${c.zone} ${c.local}`, () => {
      const r = localTimeConverter(iana(c.zone))(c.local);
      expect(iso(r?.utcMs) ?? null).toBe(c.utc);
      if (r) expect(conversionNote(r) ?? '').toMatch(c.note ?? /^$/);
    });
  }

  /** Brute force: every quarter-hour offset whose instant shows this wall time, largest first. */
  function reference(zone: string, local: string): number[] {
    const wall = Date.parse(`${local.replace(' ', 'T')}Z`);
    const out: number[] = [];
    for (let o = 14 * 60; o >= -12 * 60; o -= 15) if (zoneOffsetAt(zone, wall - o * 60_000) === o) out.push(o);
    return out;
  }

  for (const [zone, day] of [
    ['America/New_York', Date.UTC(2023, 10, 5)],
    ['America/New_York', Date.UTC(2024, 2, 10)],
    ['Europe/Berlin', Date.UTC(2024, 9, 27)],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 7)],
    ['Australia/Lord_Howe', Date.UTC(2024, 9, 6)],
    ['Asia/Tokyo', Date.UTC(2024, 0, 1)],
  ] as const) {
    it(`agrees with a brute-force search through ${zone} on ${new Date(day).toISOString().slice(0, 10)} (the day and quarter-hour memos are exact)`, () => {
      const convert = localTimeConverter(iana(zone));
      for (let s = -3600; s < 86_400 + 3600; s += 97) {
        const local = new Date(day + s * 1000).toISOString().slice(0, 19).replace('T', ' ');
        const r = convert(local)!;
        const valid = reference(zone, local);
        if (valid.length === 0) expect(r.nonexistent, local).toBe(true);
        else {
          expect(r.offsetMinutes, local).toBe(valid[0]);
          expect(r.secondOccurrenceMs, local).toBe(valid.length > 1 ? Date.parse(`${local.replace(' ', 'T')}Z`) - valid[1] * 60_000 : null);
        }
      }
    });
  }

  it('still accepts a fixed offset', () => {
    expect(iso(localTimeConverter(fixedZone(-330, 'x'))('2024-01-01 00:00:00')?.utcMs)).toBe('2024-01-01T05:30:00.000Z');
    expect(parseServerZone('UTC-05:30', 'x')).toEqual({ id: 'UTC-05:30', fixedOffsetMinutes: -330, basis: 'x' });
    expect(parseServerZone('europe/berlin', 'x')?.id).toBe('Europe/Berlin');
    expect(parseServerZone('Mars/Olympus', 'x')).toBeNull();
  });
});

describe('localToUtc (the one conversion every module uses)', () => {
  const plus2 = fixedZone(120, 'x');
  it('converts real local times, keeping milliseconds', () => {
    expect(localToUtc('2024-05-12 10:15:48.123', plus2)).toBe('2024-05-12T08:15:48.123Z');
    expect(localToUtc('2024-05-12T22:00:00', fixedZone(-300, 'x'))).toBe('2024-05-13T03:00:00.000Z');
  });
  it('is null for placeholders and anything that is not a real local time', () => {
    for (const bad of ['', 'yesterday', '2024-02-30 10:00:00', '2024-13-01 10:00:00', '2024-05-12 24:00:00', '2024-05-12 10:60:00', '2024-05-12', '1901-01-01 00:00:00', '0000-00-00 00:00:00', '1970-01-01 00:00:00', '0024-05-12 10:00:00']) {
      expect(localToUtc(bad, plus2), bad).toBeNull();
    }
  });
});
