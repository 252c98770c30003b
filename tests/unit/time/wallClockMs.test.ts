/** A naive local time (hmailserver.md §6 item 7) read as a wall-clock reading in ms, before any zone. */
import { describe, expect, it } from 'vitest';
import { wallClockMs } from '../../../src/lib/time/wallClockMs.ts';

describe('wallClockMs', () => {
  it('reads the log and database spellings, with or without milliseconds or a T', () => {
    // 2024-05-06 is 19,849 days after 1970-01-01; 10:11:12 is 36,672 s.
    const base = 19_849 * 86_400_000 + 36_672_000;
    expect(wallClockMs('2024-05-06 10:11:12')).toBe(base);
    expect(wallClockMs('2024-05-06T10:11:12')).toBe(base);
    expect(wallClockMs(' 2024-05-06 10:11:12.345 ')).toBe(base + 345);
  });

  it('reads one or two fraction digits as tenths and hundredths, and ignores digits past the milliseconds', () => {
    expect(wallClockMs('1970-01-01 00:00:00.5')).toBe(500);
    expect(wallClockMs('1970-01-01 00:00:00.05')).toBe(50);
    expect(wallClockMs('1970-01-01 00:00:00.1239')).toBe(123);
  });

  it('reads a year below 100 as that year, not as 19xx', () => {
    expect(new Date(wallClockMs('0001-01-01 00:00:00')!).getUTCFullYear()).toBe(1);
  });

  it('refuses a date the calendar does not have and a time out of range', () => {
    expect(wallClockMs('2023-02-29 00:00:00')).toBeNull();
    expect(wallClockMs('2024-02-29 00:00:00')).not.toBeNull();
    expect(wallClockMs('2024-04-31 00:00:00')).toBeNull();
    expect(wallClockMs('2024-05-06 24:00:00')).toBeNull();
    expect(wallClockMs('2024-05-06 10:60:00')).toBeNull();
    expect(wallClockMs('2024-05-06 10:00:60')).toBeNull();
  });

  it('refuses anything that is not the pattern', () => {
    expect(wallClockMs('2024-05-06')).toBeNull();
    expect(wallClockMs('06/05/2024 10:00:00')).toBeNull();
    expect(wallClockMs('2024-05-06 10:00:00Z')).toBeNull();
  });
});
