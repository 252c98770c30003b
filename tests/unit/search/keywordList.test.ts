import { describe, expect, it } from 'vitest';
import { MAX_KEYWORDS, keywordList } from '../../../src/lib/search/keywordList.ts';

describe('keywordList', () => {
  it('takes one term per line, skipping blanks, comments and repeats', () => {
    expect(keywordList('\uFEFFinvoice\r\n  "wire transfer"  \n\n# a comment\n/INV-\\d+/i\rinvoice\n')).toEqual({
      terms: ['invoice', '"wire transfer"', '/INV-\\d+/i'], dropped: 0,
    });
  });

  it('keeps at most MAX_KEYWORDS terms and counts the rest', () => {
    const text = Array.from({ length: MAX_KEYWORDS + 3 }, (_, i) => `term${i}`).join('\n');
    const list = keywordList(text);
    expect(list.terms).toHaveLength(MAX_KEYWORDS);
    expect(list.dropped).toBe(3);
  });
});
