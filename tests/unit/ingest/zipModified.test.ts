/** Zip entry times: UTC extra fields as ISO UTC, DOS fields as naive local time, nonsense as null. */
import { describe, expect, it } from 'vitest';
import { zipModified } from '../../../src/lib/ingest/zipModified.ts';

/** DOS date/time as zip stores it: time in the low 16 bits, date in the high 16. */
const dos = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  ((((y - 1980) << 9) | (mo << 5) | d) << 16) | ((h << 11) | (mi << 5) | (s / 2));

describe('zipModified', () => {
  it('keeps the DOS wall-clock time without inventing a zone', () => {
    expect(zipModified({ rawLastModDate: dos(2024, 5, 13, 9, 0, 0) >>> 0 })).toBe('2024-05-13T09:00:00');
    expect(zipModified({ rawLastModDate: dos(2107, 12, 31, 23, 59, 58) >>> 0 })).toBe('2107-12-31T23:59:58');
  });

  it('prefers a UTC extended timestamp or NTFS time', () => {
    const utc = new Date(Date.UTC(2024, 4, 13, 7, 0, 0));
    expect(zipModified({ rawLastModDate: dos(2024, 5, 13, 9, 0, 0), extraFieldExtendedTimestamp: { type: 0x5455, data: new Uint8Array(), lastModDate: utc } })).toBe(
      '2024-05-13T07:00:00.000Z',
    );
    expect(zipModified({ rawLastModDate: 0, extraFieldNTFS: { type: 0x000a, data: new Uint8Array(), lastModDate: utc } })).toBe('2024-05-13T07:00:00.000Z');
  });

  it('returns null for an impossible DOS date', () => {
    expect(zipModified({ rawLastModDate: 0 })).toBeNull();
    expect(zipModified({ rawLastModDate: dos(2024, 13, 1, 0, 0, 0) >>> 0 })).toBeNull();
  });
});
