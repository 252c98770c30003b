/** Server-local times to UTC with the case's offset; what is not a real time stays null. */
import { describe, expect, it } from 'vitest';
import { localToUtc } from '../../../src/lib/timeline/localToUtc.ts';

describe('localToUtc', () => {
  it('subtracts the offset east of UTC, keeping milliseconds', () => {
    expect(localToUtc('2024-05-12 10:15:48.123', 120)).toBe('2024-05-12T08:15:48.123Z');
    expect(localToUtc('2024-05-12 10:15:48', 120)).toBe('2024-05-12T08:15:48.000Z');
    expect(localToUtc('2024-01-01 01:00:00', 330)).toBe('2023-12-31T19:30:00.000Z');
    expect(localToUtc('2024-05-12T22:00:00', -300)).toBe('2024-05-13T03:00:00.000Z');
    expect(localToUtc('0024-05-12 10:00:00', 0)).toBe('0024-05-12T10:00:00.000Z');
  });

  it('is null for anything that is not a real local time', () => {
    for (const bad of ['', 'yesterday', '2024-02-30 10:00:00', '2024-13-01 10:00:00', '2024-05-12 24:00:00', '2024-05-12 10:60:00', '2024-05-12 10:00:60', '2024-05-12']) {
      expect(localToUtc(bad, 0), bad).toBeNull();
    }
  });
});
