/**
 * The Accounts tab's rows: accounts with size, quota, logon, password scheme, weak flag and forwarding, and
 * an account's IMAP folders (the SQL is src/lib/store/queries/accountQueries.ts). Without database accounts
 * (no database in the evidence) accounts come from the mailbox folders of the files.
 */
import type { CellValue } from '../components/tableColumn.ts';
import type { TriageClient } from '../triageClient.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows, type QueryRecord } from './queryRows.ts';
import { formatUtc } from '../state/timelineTime.ts';

export interface AccountRow {
  id: number | null;
  address: string;
  active: boolean | null;
  isAd: boolean | null;
  adminLevel: number | null;
  quotaMb: number | null;
  sizeBytes: number | null;
  dbMessages: number | null;
  files: number;
  /** Server time as stored; "never" / "not set" for hMailServer's placeholders. */
  lastLogon: string | null;
  /** The same instant in UTC (from the case timeline, converted with the server zone); null for a placeholder. */
  lastLogonUtc: string | null;
  scheme: string;
  weak: boolean;
  forwarding: string;
  autoReply: boolean | null;
}

export interface FolderRow {
  id: number | null;
  path: string;
  subscribed: boolean | null;
  created: string | null;
  currentUid: number | null;
  dbMessages: number | null;
  files: number;
}

/**
 * hMailServer reads a NULL flag as off, the same as 0 (a SQLite database leaves many NULL where a dump of
 * a NOT NULL column holds 0); only a column this schema lacks is unknown.
 */
function flag(hm: HmTables, table: string, column: string, value: CellValue): boolean | null {
  return hm.has(table, column) ? isOn(value) : null;
}

/**
 * The last logon as shown: a placeholder (1901-01-01 "never", zero dates) reads "never" or "not set", the
 * way the timeline left it out; a real time keeps the server's text.
 */
export function lastLogonShown(local: string | null, note: string | null): string | null {
  if (local === null || local === '') return null;
  const m = /^left out: (never|not set|invalid)/.exec(note ?? '');
  return m ? m[1] : local;
}

function accountsFromFiles(rows: QueryRecord[]): AccountRow[] {
  return rows.map((r) => ({
    id: null, address: asText(r.account), active: null, isAd: null, adminLevel: null, quotaMb: null,
    sizeBytes: asNumber(r.size_bytes), dbMessages: null, files: asNumber(r.files) ?? 0, lastLogon: null, lastLogonUtc: null,
    scheme: 'unknown', weak: false, forwarding: '', autoReply: null,
  }));
}

/** Database accounts; when the database has none (or there is no database), the mailboxes of the files. */
export async function loadAccounts(client: TriageClient, hm: HmTables): Promise<AccountRow[]> {
  const rows = queryRows(await client.ask('accounts'));
  if (rows.length === 0) return accountsFromFiles(queryRows(await client.ask('accountsFromFiles')));
  return rows.map((r) => {
    const forward = isOn(r.accountforwardenabled);
    const keep = isOn(r.accountforwardkeeporiginal) ? ' (keeps a copy)' : ' (no copy kept)';
    return {
      id: asNumber(r.accountid),
      address: asText(r.accountaddress),
      active: flag(hm, 'hm_accounts', 'accountactive', r.accountactive),
      isAd: flag(hm, 'hm_accounts', 'accountisad', r.accountisad),
      adminLevel: asNumber(r.accountadminlevel),
      quotaMb: asNumber(r.accountmaxsize),
      sizeBytes: asNumber(r.size_bytes),
      dbMessages: asNumber(r.db_messages),
      files: asNumber(r.files) ?? 0,
      lastLogon: lastLogonShown(r.accountlastlogontime === null ? null : asText(r.accountlastlogontime), r.last_logon_note === null ? null : asText(r.last_logon_note)),
      lastLogonUtc: r.last_logon_utc === null || r.last_logon_utc === undefined ? null : formatUtc(asText(r.last_logon_utc)),
      scheme: asText(r.scheme),
      weak: isOn(r.weak),
      forwarding: forward ? `${asText(r.accountforwardaddress)}${keep}` : '',
      autoReply: flag(hm, 'hm_accounts', 'accountvacationmessageon', r.accountvacationmessageon),
    };
  });
}

export async function loadFolders(client: TriageClient, hm: HmTables, account: AccountRow): Promise<FolderRow[]> {
  if (account.id === null || !hm.has('hm_imapfolders', 'folderparentid')) {
    return queryRows(await client.ask('foldersFromFiles', account.address)).map((r) => ({
      id: null, path: asText(r.path), subscribed: null, created: null, currentUid: null, dbMessages: null, files: asNumber(r.files) ?? 0,
    }));
  }
  return queryRows(await client.ask('folders', account.id, account.address)).map((r) => ({
    id: asNumber(r.id),
    path: asText(r.path),
    subscribed: flag(hm, 'hm_imapfolders', 'folderissubscribed', r.folderissubscribed),
    created: r.foldercreationtime === null ? null : asText(r.foldercreationtime),
    currentUid: asNumber(r.foldercurrentuid),
    dbMessages: asNumber(r.db_messages),
    files: asNumber(r.files) ?? 0,
  }));
}
