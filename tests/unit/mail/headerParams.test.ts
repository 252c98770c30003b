import { describe, expect, it } from 'vitest';
import { parseHeaderParams } from '../../../src/lib/mail/headerParams.ts';
import { splitHeaders } from '../../../src/lib/mail/splitHeaders.ts';

describe('parseHeaderParams', () => {
  it('reads quoted, bare and encoded-word parameters', () => {
    expect(parseHeaderParams('Multipart/Mixed; boundary="a;b=c"; charset=UTF-8')).toEqual({
      value: 'multipart/mixed',
      params: { boundary: 'a;b=c', charset: 'UTF-8' },
    });
    expect(parseHeaderParams('attachment; filename="=?UTF-8?B?w6TDtsO8LnR4dA==?="').params.filename).toBe('äöü.txt');
  });

  it('joins RFC 2231 continuations and decodes their charset', () => {
    const p = parseHeaderParams("attachment; filename*0*=UTF-8''R%C3%A9sum; filename*1*=%C3%A9%20final; filename*2=.pdf");
    expect(p.params.filename).toBe('Résumé final.pdf');
    expect(parseHeaderParams("inline; filename*=iso-8859-1'de'Stra%DFe.txt").params.filename).toBe('Straße.txt');
  });

  it('survives junk', () => {
    expect(parseHeaderParams('')).toEqual({ value: '', params: {} });
    expect(parseHeaderParams('text/plain; ; =x; name')).toEqual({ value: 'text/plain', params: {} });
  });
});

describe('splitHeaders', () => {
  it('gives byte offsets of each field and the body, with bare LF or CRLF', () => {
    const crlf = new TextEncoder().encode('A: 1\r\nB: two\r\n  folded\r\n\r\nbody');
    const block = splitHeaders(crlf);
    expect(block.fields.map((f) => [f.name, f.value, f.start, f.end])).toEqual([
      ['A', '1', 0, 6],
      ['B', 'two  folded', 6, 24],
    ]);
    expect(block.bodyOffset).toBe(26);
    expect(block.hasSeparator).toBe(true);
    const lf = splitHeaders(new TextEncoder().encode('A: 1\nB: 2\n\nbody'));
    expect(lf.bodyOffset).toBe(11);
    expect(lf.fields.map((f) => f.value)).toEqual(['1', '2']);
  });

  it('reports continuation lines before any field and invalid field names', () => {
    const block = splitHeaders(new TextEncoder().encode(' stray\r\nGood: yes\r\nBad Name: no\r\n\r\n'));
    expect(block.fields.map((f) => f.name)).toEqual(['Good']);
    expect(block.defects).toEqual([
      '1 line(s) in the header block are not header fields and were skipped',
      '1 continuation line(s) before the first header field',
    ]);
  });
});
