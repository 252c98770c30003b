/**
 * Where a message file sits in hMailServer's store, from its evidence path alone (hmailserver.md §3.1, §3.6):
 * `<Data>/<domain>/<localpart>/<2 chars>/{GUID}.eml` mailbox, `<Data>/{GUID}.eml` queue,
 * `<Data>/#Public/<2 chars>/{GUID}.eml` public folder, `<ArchiveDir>/…` archive copy, anything else loose.
 */
import type { MessageLink } from '../model/caseData.ts';
import { guidFromPath } from '../mail/guidFromPath.ts';

export interface MessagePathInfo {
  location: MessageLink['location'];
  accountFromPath: string | null;
  /** Evidence path of the store root folder (e.g. `hMailServer/Data`), or null outside a store. */
  dataRoot: string | null;
  guid: string | null;
}

const PUBLIC_DISK_NAME = '#public';

function mailboxAccount(rest: string[]): string | null {
  // <domain>/<localpart>/<2 chars>/{GUID}.eml (5.x) or <domain>/<localpart>/{GUID}.eml (4.x, no bucket level).
  const bucketed = rest.length === 4 && rest[2].length === 2;
  if (!bucketed && rest.length !== 3) return null;
  const [domain, local] = rest;
  if (!domain || !local || domain.startsWith('#')) return null;
  return `${local}@${domain}`.toLowerCase();
}

function storeLayout(rest: string[], guid: string | null): Omit<MessagePathInfo, 'dataRoot' | 'guid'> | null {
  if (!guid) return null;
  if (rest.length === 1) return { location: 'queue', accountFromPath: null };
  if (rest[0].toLowerCase() === PUBLIC_DISK_NAME && (rest.length === 2 || (rest.length === 3 && rest[1].length === 2))) {
    return { location: 'public', accountFromPath: null };
  }
  const account = mailboxAccount(rest);
  return account ? { location: 'mailbox', accountFromPath: account } : null;
}

/**
 * @param dataNames lower-case folder names that may be the store root (see dataFolderNames)
 * @param archiveName lower-case last segment of the ini ArchiveDir, or null
 */
export function classifyMessagePath(path: string, dataNames: string[], archiveName: string | null): MessagePathInfo {
  const segments = path.split('/');
  const guid = guidFromPath(path);
  // Left to right, so that a mailbox named "data" under a real Data folder is not taken for the root.
  for (let i = 0; i < segments.length - 1; i++) {
    const name = segments[i].toLowerCase();
    if (archiveName && name === archiveName) {
      const rest = segments.slice(i + 1);
      const account = rest.length === 3 ? `${rest[1]}@${rest[0]}`.toLowerCase() : null;
      return { location: 'archive', accountFromPath: account, dataRoot: null, guid };
    }
    if (!dataNames.includes(name)) continue;
    const layout = storeLayout(segments.slice(i + 1), guid);
    if (layout) return { ...layout, dataRoot: segments.slice(0, i + 1).join('/'), guid };
  }
  return { location: 'loose', accountFromPath: null, dataRoot: null, guid };
}
