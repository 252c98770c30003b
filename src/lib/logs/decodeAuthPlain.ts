/**
 * An SASL PLAIN blob (RFC 4616: authzid NUL authcid NUL password, Base64) as hMailServer 5.6.x logs it unmasked
 * on a one-line `AUTH PLAIN <blob>` (hmailserver.md §4.2, issue #436).
 */
import { base64ToBytes } from '../model/base64.ts';

export interface AuthPlain {
  authzid: string;
  /** The account that logs on: authcid, or authzid when authcid is empty. */
  user: string;
  password: string;
  /** 'NUL' as RFC 4616 says; 'U+FFFD' when a copy (like the one in issue #436) replaced the NULs. */
  separator: 'NUL' | 'U+FFFD';
}

export function decodeAuthPlain(blob: string): AuthPlain | null {
  const bytes = base64ToBytes(blob.trim(), { strict: true });
  if (!bytes) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  const separator = text.includes('\u0000') ? 'NUL' : 'U+FFFD';
  const parts = text.split(separator === 'NUL' ? '\u0000' : '\ufffd');
  if (parts.length !== 3) return null;
  const [authzid, authcid, password] = parts;
  const user = authcid || authzid;
  if (user === '' && password === '') return null;
  return { authzid, user, password, separator };
}
