import { describe, expect, it } from 'vitest';
import { parseChecked } from './fastParseOracle.ts';
import { mail, NO_HASHES } from './fixtures.ts';

const CASES: { charset: string; bytes: number[]; text: string }[] = [
  { charset: 'UTF-8', bytes: [...new TextEncoder().encode('Grüße ✓')], text: 'Grüße ✓' },
  { charset: 'ISO-8859-1', bytes: [0x43, 0x61, 0x66, 0xe9], text: 'Café' },
  { charset: 'ISO-8859-2', bytes: [0xa3, 0xf3, 0x64, 0xbc], text: 'Łódź' },
  { charset: 'ISO-8859-15', bytes: [0xa4], text: '€' },
  { charset: 'Windows-1251', bytes: [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], text: 'Привет' },
  { charset: 'Windows-1252', bytes: [0x80, 0x63, 0x61, 0x66, 0xe9], text: '€café' },
  { charset: 'GB2312', bytes: [0xbb, 0xe1, 0xd2, 0xe9, 0xcd, 0xa8, 0xd6, 0xaa], text: '会议通知' },
  { charset: 'GBK', bytes: [0xd6, 0xd0, 0xce, 0xc4], text: '中文' },
  { charset: 'Shift_JIS', bytes: [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea], text: '日本語' },
  { charset: 'ISO-2022-JP', bytes: [0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x1b, 0x28, 0x42], text: '日本語' },
];

const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
const qp = (bytes: number[]) => bytes.map((b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d && b !== 0x3f && b !== 0x5f ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

describe.each(CASES)('charset $charset', ({ charset, bytes, text }) => {
  it('decodes B and Q encoded words in Subject and From', async () => {
    const m = await parseChecked(
      mail(`From: =?${charset}?B?${b64(bytes)}?= <a@x.example>\nTo: b@x.example\nSubject: =?${charset}?Q?${qp(bytes)}?= [ok]\n\nbody\n`),
      'x.eml', NO_HASHES, { dns: null },
    );
    expect(m.subject).toBe(`${text} [ok]`);
    expect(m.from).toEqual({ name: text, address: 'a@x.example' });
    expect(m.headers.find((h) => h.name === 'Subject')?.value).toBe(`=?${charset}?Q?${qp(bytes)}?= [ok]`);
  });

  it('decodes an 8-bit body', async () => {
    const m = await parseChecked(
      mail(`Subject: t\nContent-Type: text/plain; charset="${charset}"\nContent-Transfer-Encoding: 8bit\n\n`, bytes, '\n'),
      'x.eml', NO_HASHES, { dns: null },
    );
    expect(m.text.trim()).toBe(text);
    expect(m.defects).toEqual([]);
  });

  it('decodes a base64 body', async () => {
    const m = await parseChecked(
      mail(`Subject: t\nContent-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: base64\n\n${b64(bytes)}\n`),
      'x.eml', NO_HASHES, { dns: null },
    );
    expect(m.text.trim()).toBe(text);
  });
});

describe('charset fallbacks', () => {
  it('reads raw 8-bit Latin-1 in a header as Windows-1252, not as replacement characters', async () => {
    const m = await parseChecked(mail('Subject: Caf', [0xe9], ' cr', [0xe8], 'me\n\nx\n'), 'x.eml', NO_HASHES, { dns: null });
    expect(m.subject).toBe('Café crème');
  });

  it('reports an unknown charset and still gives the text', async () => {
    const m = await parseChecked(mail('Subject: t\nContent-Type: text/plain; charset=x-klingon\n\nhello\n'), 'x.eml', NO_HASHES, { dns: null });
    expect(m.text.trim()).toBe('hello');
    expect(m.defects.join('\n')).toMatch(/unknown charset "x-klingon"/);
  });
});
