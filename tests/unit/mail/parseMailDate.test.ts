import { describe, expect, it } from 'vitest';
import { parseMailDate } from '../../../src/lib/mail/parseMailDate.ts';

describe('parseMailDate', () => {
  it.each([
    ['Wed, 08 May 2024 11:00:00 +0200', '2024-05-08T09:00:00.000Z', 120],
    ['Fri, 11 Jul 2003 21:00:37 -0700 (PDT)', '2003-07-12T04:00:37.000Z', -420],
    ['8 May 2024 11:00 +0000', '2024-05-08T11:00:00.000Z', 0],
    ['Wed, 08 May 24 11:00:00 GMT', '2024-05-08T11:00:00.000Z', 0],
    ['Tue, 1 Jan 99 00:00:00 EST', '1999-01-01T05:00:00.000Z', -300],
    ['Sun, 31 Dec 2023 23:30:00 -0130', '2024-01-01T01:00:00.000Z', -90],
  ])('%s', (text, iso, offset) => {
    expect(parseMailDate(text)).toEqual({ iso, offsetMinutes: offset });
  });

  it.each([null, '', 'yesterday', 'Wed, 31 Feb 2024 10:00:00 +0000', 'Wed, 08 May 2024 25:00:00 +0000', 'Wed, 08 May 2024 11:00:00', 'Wed, 08 May 2024 11:00:00 A'])(
    'refuses %s',
    (text) => {
      expect(parseMailDate(text)).toBeNull();
    },
  );
});
