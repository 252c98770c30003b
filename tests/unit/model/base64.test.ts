import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../src/lib/model/base64.ts';
import { dataUrlBytes } from '../../../src/lib/model/dataUrlBytes.ts';

const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);

/** What atob makes of a token, as bytes, or null where it throws. */
function viaAtob(token: string): number[] | null {
  try {
    return [...atob(token)].map((c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

describe('base64ToBytes', () => {
  it('round-trips every length with bytesToBase64', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('lenient (DKIM tags, data: URLs): folding white space and any trailing = are ignored, other characters refused', () => {
    expect(text(base64ToBytes('Ym9i\r\n  QG5v cnRo\td2luZC5leGFtcGxl'))).toBe('bob@northwind.example');
    expect(text(base64ToBytes('YQ==='))).toBe('a');
    expect(base64ToBytes('')).toEqual(new Uint8Array());
    expect([base64ToBytes('YQ=x'), base64ToBytes('Y*Q='), base64ToBytes('abcde'), base64ToBytes('Ym9iü')]).toEqual([null, null, null, null]);
  });

  it('strict (log tokens): exactly the non-empty tokens atob takes, with the same bytes', () => {
    const tokens = ['', 'a', 'YQ', 'YQ=', 'YQ==', 'YQ===', 'YWI', 'YWI=', 'YWI==', 'YWJj', 'YWJj=', 'YWJjZA', 'YWJjZA==', 'YWJjZ', 'Y Q==', ' YQ==', 'YQ==\n', 'Y-Q_', '***', 'admin', 'adminx'];
    for (const token of tokens) {
      const strict = base64ToBytes(token, { strict: true });
      const expected = token === '' || /\s/.test(token) ? null : viaAtob(token);
      expect(strict && [...strict], token).toEqual(expected);
    }
  });
});

describe('dataUrlBytes', () => {
  it('decodes the payload after the comma, and throws on a damaged one', () => {
    expect(text(dataUrlBytes('data:application/wasm;base64,AGFzbQ=='))).toBe('\0asm');
    expect(() => dataUrlBytes('data:application/zip;base64,%%%')).toThrow(/not valid base64/);
  });
});
