/** A domain with its `xn--` labels decoded to Unicode; an invalid label is kept as written (it then matches nothing). */
import { toUnicode } from 'punycode/punycode.es6.js';

export function decodePunycode(domain: string): string {
  try {
    return toUnicode(domain.toLowerCase());
  } catch {
    return domain.toLowerCase();
  }
}
