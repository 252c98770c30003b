/** Base64 from a log line (AUTH LOGIN user names, AUTH PLAIN blobs) to bytes or printable text; null when it is not. */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
/** Control characters or a replacement character (bytes that were not UTF-8) mean "not text". */
const NOT_PRINTABLE = /[\u0000-\u001f\u007f\ufffd]/;

export function decodeBase64Bytes(text: string): Uint8Array | null {
  const t = text.trim();
  if (t === '' || !BASE64.test(t)) return null;
  let binary: string;
  try {
    binary = atob(t.padEnd(Math.ceil(t.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isPrintable(text: string): boolean {
  return !NOT_PRINTABLE.test(text);
}

/** The UTF-8 text a Base64 token encodes, only when it is printable (so "admin" typed raw is not "decoded"). */
export function decodeBase64Text(text: string): string | null {
  const bytes = decodeBase64Bytes(text);
  if (!bytes) return null;
  const decoded = new TextDecoder('utf-8').decode(bytes);
  return decoded !== '' && isPrintable(decoded) ? decoded : null;
}
