/**
 * The evidence path where a hm_messages row's file should be (hmailserver.md §3.1): `GetFileName` rules
 * replayed on the evidence's own store root, so a missing file can be named as the examiner would look for it.
 */
import type { DbMessage, HmailDatabase } from '../model/hmailDatabase.ts';
import { baseName } from './baseName.ts';

/** Legacy full paths (≤ 5.3) keep `…\Data\<domain>\<localpart>\…`: re-root them at the evidence store root. */
function legacyRelative(fileName: string, domain: string | null): string | null {
  if (!/[\\/]/.test(fileName) || !domain) return null;
  const parts = fileName.split(/[\\/]/).filter((p) => p.length > 0);
  const at = parts.findIndex((p) => p.toLowerCase() === domain.toLowerCase());
  return at > 0 ? parts.slice(at).join('/') : null;
}

/**
 * @param dataRootPrefix evidence path of the store root, e.g. `hMailServer/Data`
 */
export function expectedPathForDbMessage(db: HmailDatabase, msg: DbMessage, dataRootPrefix: string): string {
  const name = baseName(msg.fileName) ?? msg.fileName;
  const bucket = name.slice(1, 3);
  const root = dataRootPrefix.replace(/\/+$/, '');
  const join = (...parts: string[]) => [root, ...parts].filter((p) => p.length > 0).join('/');
  // Queue rows (and ETRN-held rows, whose account id is a route id) have folder 0 and live in the root.
  if (msg.folderId === 0) return join(name);
  if (msg.accountId === 0) return join('#Public', bucket, name);
  const address = db.accounts.find((a) => a.id === msg.accountId)?.address ?? null;
  const at = address ? address.lastIndexOf('@') : -1;
  if (!address || at < 0) return join(name);
  const domain = address.slice(at + 1);
  const local = address.slice(0, at);
  const legacy = legacyRelative(msg.fileName, domain);
  return legacy ? join(legacy) : join(domain, local, bucket, name);
}
