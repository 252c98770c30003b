/** Bytes → text in a declared charset; undeclared or unknown charsets fall back to UTF-8, then Windows-1252. */

const ALIASES: Record<string, string> = {
  'ks_c_5601-1987': 'euc-kr',
  'x-gbk': 'gbk',
  cp936: 'gbk',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'ms932': 'shift_jis',
  'windows-31j': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'iso-8859-8-i': 'iso-8859-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[key] ?? (/^cp125\d$/.test(key) ? `windows-${key.slice(2)}` : key);
  if (!decoders.has(name)) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(name);
    } catch {
      decoder = null;
    }
    decoders.set(name, decoder);
  }
  return decoders.get(name) ?? null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Windows-1252 characters of bytes 0x80–0x9F (0 = undefined byte, kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Maps C1 controls to their Windows-1252 characters. WHATWG decodes every Latin-1 label as
 * Windows-1252 and browsers do; Node 20's TextDecoder fast path decodes them as ISO-8859-1, so
 * text decoded by libraries is passed through here to read the same in both. C1 controls never
 * carry meaning in mail text.
 */
export function repairC1(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => {
        const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80];
        return mapped ? String.fromCharCode(mapped) : c;
      })
    : text;
}

/** Whether `charset` names an encoding this runtime can decode. */
export function isKnownCharset(charset: string): boolean {
  return decoderFor(charset) !== null;
}

export function decodeText(bytes: Uint8Array, charset?: string | null): string {
  const declared = charset ? decoderFor(charset) : null;
  if (declared) return declared.encoding === 'windows-1252' ? repairC1(declared.decode(bytes)) : declared.decode(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return repairC1(windows1252.decode(bytes));
  }
}
