/**
 * The decoder postal-mime would pick for a charset label, for the labels where that choice is certain:
 * postal-mime hands a label found in the WHATWG label list straight to TextDecoder, and these common
 * labels are all in that list. Any other label goes through postal-mime's alias and fallback rules, so
 * the fast path declines it rather than guess.
 */
import { FastPathDeclined } from './fastPathDeclined.ts';

const DIRECT_LABELS = new Set([
  'utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'iso8859-1', 'latin1', 'windows-1252', 'cp1252',
  'iso-8859-2', 'iso-8859-9', 'iso-8859-15', 'windows-1250', 'windows-1251', 'windows-1254', 'windows-1257',
  'koi8-r', 'iso-2022-jp', 'shift_jis', 'euc-jp', 'euc-kr', 'ks_c_5601-1987', 'gb2312', 'gbk', 'gb18030', 'big5',
]);

const decoders = new Map<string, TextDecoder | null>();

export function postalCharset(label: string | null | undefined): TextDecoder {
  const key = (label || 'utf8').trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    decoder = null;
    if (DIRECT_LABELS.has(key)) {
      try {
        decoder = new TextDecoder(key);
      } catch {
        decoder = null;
      }
    }
    decoders.set(key, decoder);
  }
  if (!decoder) throw new FastPathDeclined(`charset "${key.slice(0, 40)}"`);
  return decoder;
}
