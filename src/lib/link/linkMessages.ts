/**
 * Links every message file of the evidence to its hm_messages row by the GUID in its name (the row's
 * messagefilename is `{GUID}.eml` or a legacy full path), and so to its account, IMAP folder, flags, UID
 * and receive time. Files without a database still get their location and account from the path.
 */
import type { CaseData, MessageLink } from '../model/caseData.ts';
import type { DbMessage, HmailDatabase } from '../model/hmailDatabase.ts';
import { guidFromPath } from '../mail/guidFromPath.ts';
import { archiveFolderName } from './archiveFolderName.ts';
import { classifyMessagePath, type MessagePathInfo } from './classifyMessagePath.ts';
import { dataFolderNames } from './dataFolderNames.ts';
import { compareStrings } from '../model/compareStrings.ts';

const QUEUE_TYPE = 1;

function rowsByGuid(db: HmailDatabase | null): Map<string, DbMessage[]> {
  const map = new Map<string, DbMessage[]>();
  for (const row of db?.messages ?? []) {
    const guid = guidFromPath(row.fileName);
    if (!guid) continue;
    const list = map.get(guid);
    if (list) list.push(row);
    else map.set(guid, [row]);
  }
  return map;
}

/** Rows sharing a GUID should not exist; if they do, prefer the one whose owner matches the path. */
function pickRow(rows: DbMessage[] | undefined, info: MessagePathInfo, accountIdByAddress: Map<string, number>): DbMessage | null {
  if (!rows || rows.length === 0) return null;
  if (rows.length === 1) return rows[0];
  const ownerId = info.accountFromPath ? accountIdByAddress.get(info.accountFromPath) : undefined;
  const wanted = rows.find((r) =>
    info.location === 'queue' ? r.folderId === 0 : info.location === 'public' ? r.accountId === 0 && r.folderId > 0 : r.accountId === ownerId,
  );
  return wanted ?? [...rows].sort((a, b) => a.id - b.id)[0];
}

/** Paths of every message file: inventory entries of kind message, plus parsed messages not in it. */
function messagePaths(caseData: Omit<CaseData, 'links'>): string[] {
  const paths = new Set(caseData.inventory.filter((e) => e.kind === 'message').map((e) => e.path));
  for (const m of caseData.messages) paths.add(m.path);
  return [...paths].sort(compareStrings);
}

/** `paths`: the message files to link, by default every one of the case (inventory and parsed messages). */
export function linkMessages(caseData: Omit<CaseData, 'links'>, paths: string[] = messagePaths(caseData)): MessageLink[] {
  const db = caseData.database;
  const dataNames = dataFolderNames(caseData.ini);
  const archiveName = archiveFolderName(caseData.ini);
  const byGuid = rowsByGuid(db);
  const accounts = new Map((db?.accounts ?? []).map((a) => [a.id, a.address]));
  const accountIdByAddress = new Map((db?.accounts ?? []).map((a) => [a.address.toLowerCase(), a.id]));
  const folders = new Map((db?.folders ?? []).map((f) => [f.id, f.fullPath]));

  return paths.map((path): MessageLink => {
    const info = classifyMessagePath(path, dataNames, archiveName);
    // Archive copies get their own GUIDs and never have a row; loose files may still carry a store GUID.
    const row = info.location === 'archive' ? null : pickRow(info.guid ? byGuid.get(info.guid) : undefined, info, accountIdByAddress);
    return {
      path,
      location: info.location,
      accountFromPath: info.accountFromPath,
      dbMessageId: row?.id ?? null,
      account: row && row.accountId > 0 && row.folderId > 0 ? (accounts.get(row.accountId) ?? null) : null,
      folder: row && row.folderId > 0 ? (folders.get(row.folderId) ?? null) : null,
      flags: row?.flags ?? null,
      uid: row && row.folderId > 0 ? row.uid : null,
      createTime: row?.createTime ?? null,
      dbSize: row?.size ?? null,
      queued: row ? row.type === QUEUE_TYPE : info.location === 'queue',
    };
  });
}
