/**
 * The Accounts tab's SQL: accounts with size, quota, logon, password scheme, weak flag and forwarding;
 * an account's IMAP folders with full paths from the parent chain (hmailserver.md §2.3 hm_imapfolders).
 * Without database accounts (no database in the evidence) accounts come from the mailbox folders of the files.
 */
import type { CellValue } from '../components/tableColumn.ts';
import type { TriageClient } from '../triageClient.ts';
import type { HmColumns } from './hmColumns.ts';
import { asFlag, asNumber, asText, queryRows, type QueryRecord } from './queryRows.ts';
import { formatUtc } from '../state/timelineTime.ts';

/** hm_imapfolders nesting limit in hMailServer (IMAPFolder.h); also stops a corrupt parent cycle. */
const MAX_FOLDER_DEPTH = 25;

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
function flag(hm: HmColumns, table: string, column: string, value: CellValue): boolean | null {
  return hm.has(table, column) ? asFlag(value) : null;
}

const WEAK = `exists (select 1 from case_findings f where f.type = 'weak-password' and lower(f.ref_account) = lower(a.accountaddress))`;
const FILES = `(select count(*) from case_messages c where lower(c.account) = lower(a.accountaddress))`;

function accountsSql(hm: HmColumns): string {
  const c = (column: string, alias?: string) => hm.col('hm_accounts', column, alias);
  const hasMessages = hm.has('hm_messages', 'messageaccountid');
  const size = hasMessages ? '(select sum(m.messagesize) from hm_messages m where m.messageaccountid = a.accountid)' : 'NULL';
  const count = hasMessages ? '(select count(*) from hm_messages m where m.messageaccountid = a.accountid)' : 'NULL';
  const scheme = hm.has('hm_accounts', 'accountpwencryption')
    ? `case when coalesce(a.accountpassword, '') = '' then 'blank' when a.accountpwencryption = 0 then 'plain'
        when a.accountpwencryption = 1 then 'blowfish' when a.accountpwencryption = 2 then 'md5'
        when a.accountpwencryption = 3 then 'sha256-salted' else 'unknown' end`
    : `'unknown'`;
  return `select ${c('accountid')}, accountaddress, ${c('accountactive')}, ${c('accountisad')}, ${c('accountadminlevel')},
    ${c('accountmaxsize')}, ${size} as size_bytes, ${count} as db_messages, ${FILES} as files, ${c('accountlastlogontime')},
    ${LAST_LOGON_UTC} as last_logon_utc, ${LAST_LOGON_NOTE} as last_logon_note,
    ${scheme} as scheme, ${WEAK} as weak, ${c('accountforwardenabled')}, ${c('accountforwardaddress')},
    ${c('accountforwardkeeporiginal')}, ${c('accountvacationmessageon')}
  from hm_accounts a order by lower(accountaddress)`;
}

/** The account's last-logon event of the case timeline: the time converted with the server zone, or why not. */
const LAST_LOGON_EVENT = `from case_timeline t where t.type = 'account-last-logon' and lower(t.account) = lower(a.accountaddress) limit 1`;
const LAST_LOGON_UTC = `(select t.time_utc ${LAST_LOGON_EVENT})`;
const LAST_LOGON_NOTE = `(select t.time_note ${LAST_LOGON_EVENT})`;

/**
 * The last logon as shown: a placeholder (1901-01-01 "never", zero dates) reads "never" or "not set", the
 * way the timeline left it out; a real time keeps the server's text.
 */
export function lastLogonShown(local: string | null, note: string | null): string | null {
  if (local === null || local === '') return null;
  const m = /^left out: (never|not set|invalid)/.exec(note ?? '');
  return m ? m[1] : local;
}

const ACCOUNTS_FROM_FILES_SQL = `select account, count(*) as files, sum(size) as size_bytes
  from case_messages where account is not null and account <> '' group by lower(account) order by lower(account)`;

function accountsFromFiles(rows: QueryRecord[]): AccountRow[] {
  return rows.map((r) => ({
    id: null, address: asText(r.account), active: null, isAd: null, adminLevel: null, quotaMb: null,
    sizeBytes: asNumber(r.size_bytes), dbMessages: null, files: asNumber(r.files) ?? 0, lastLogon: null, lastLogonUtc: null,
    scheme: 'unknown', weak: false, forwarding: '', autoReply: null,
  }));
}

/** Database accounts; when the database has none (or there is no database), the mailboxes of the files. */
export async function loadAccounts(client: TriageClient, hm: HmColumns): Promise<AccountRow[]> {
  const rows = hm.has('hm_accounts', 'accountaddress') ? queryRows(await client.query(accountsSql(hm))) : [];
  if (rows.length === 0) return accountsFromFiles(queryRows(await client.query(ACCOUNTS_FROM_FILES_SQL)));
  return rows.map((r) => {
    const forward = asFlag(r.accountforwardenabled);
    const keep = asFlag(r.accountforwardkeeporiginal) ? ' (keeps a copy)' : ' (no copy kept)';
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
      weak: asFlag(r.weak),
      forwarding: forward ? `${asText(r.accountforwardaddress)}${keep}` : '',
      autoReply: flag(hm, 'hm_accounts', 'accountvacationmessageon', r.accountvacationmessageon),
    };
  });
}

function foldersSql(hm: HmColumns): string {
  const c = (column: string) => hm.col('hm_imapfolders', column);
  const delimiter = hm.has('hm_settings')
    ? `coalesce((select nullif(settingstring, '') from hm_settings where lower(settingname) = 'imaphierarchydelimiter'), '.')`
    : `'.'`;
  const dbMessages = hm.has('hm_messages', 'messagefolderid')
    ? '(select count(*) from hm_messages m where m.messagefolderid = t.id)'
    : 'NULL';
  return `with recursive
  delim(d) as (select ${delimiter}),
  tree(id, path, depth) as (
    select folderid, case when folderparentid = -1 then foldername else '…' || (select d from delim) || foldername end, 1
    from hm_imapfolders
    where folderaccountid = ?1 and (folderparentid = -1 or folderparentid not in (select folderid from hm_imapfolders))
    union all
    select f.folderid, t.path || (select d from delim) || f.foldername, t.depth + 1
    from hm_imapfolders f join tree t on f.folderparentid = t.id
    where f.folderaccountid = ?1 and t.depth < ${MAX_FOLDER_DEPTH})
  select t.id, t.path, ${c('folderissubscribed')}, ${c('foldercreationtime')}, ${c('foldercurrentuid')},
    ${dbMessages} as db_messages,
    (select count(*) from case_messages c where lower(c.account) = lower(?2) and c.folder = t.path) as files
  from tree t join hm_imapfolders f on f.folderid = t.id order by t.path`;
}

const FOLDERS_FROM_FILES_SQL = `select coalesce(folder, '(unknown folder)') as path, count(*) as files
  from case_messages where lower(account) = lower(?1) group by folder order by folder`;

export async function loadFolders(client: TriageClient, hm: HmColumns, account: AccountRow): Promise<FolderRow[]> {
  if (account.id === null || !hm.has('hm_imapfolders', 'folderparentid')) {
    return queryRows(await client.query(FOLDERS_FROM_FILES_SQL, [account.address])).map((r) => ({
      id: null, path: asText(r.path), subscribed: null, created: null, currentUid: null, dbMessages: null, files: asNumber(r.files) ?? 0,
    }));
  }
  return queryRows(await client.query(foldersSql(hm), [account.id, account.address])).map((r) => ({
    id: asNumber(r.id),
    path: asText(r.path),
    subscribed: flag(hm, 'hm_imapfolders', 'folderissubscribed', r.folderissubscribed),
    created: r.foldercreationtime === null ? null : asText(r.foldercreationtime),
    currentUid: asNumber(r.foldercurrentuid),
    dbMessages: asNumber(r.db_messages),
    files: asNumber(r.files) ?? 0,
  }));
}
