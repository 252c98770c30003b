/** Base64 from a log line (AUTH LOGIN user names, AUTH PLAIN secrets) to printable text; null when it is not. */
import { base64ToBytes } from '../model/base64.ts';

/** Control characters or a replacement character (bytes that were not UTF-8) mean "not text". */
const NOT_PRINTABLE = /[\u0000-\u001f\u007f\ufffd]/;

export function isPrintable(text: string): boolean {
  return !NOT_PRINTABLE.test(text);
}

/** The UTF-8 text a Base64 token encodes, only when it is printable (so "admin" typed raw is not "decoded"). */
export function decodeBase64Text(text: string): string | null {
  const bytes = base64ToBytes(text.trim(), { strict: true });
  if (!bytes) return null;
  const decoded = new TextDecoder('utf-8').decode(bytes);
  return decoded !== '' && isPrintable(decoded) ? decoded : null;
}
