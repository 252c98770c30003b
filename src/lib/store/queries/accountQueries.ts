/**
 * SQL of the Accounts tab: accounts with size, quota, logon, password scheme, weak flag and forwarding; an
 * account's IMAP folders with full paths from the parent chain (hmailserver.md §2.3 hm_imapfolders). Without
 * database accounts (no database in the evidence) accounts come from the mailbox folders of the files.
 */
import type { HmColumns } from './hmColumns.ts';
import { noRows, type SqlQuery } from './sqlQuery.ts';

/** hm_imapfolders nesting limit in hMailServer (IMAPFolder.h); also stops a corrupt parent cycle. */
const MAX_FOLDER_DEPTH = 25;

const WEAK = `exists (select 1 from case_findings f where f.type = 'weak-password' and lower(f.ref_account) = lower(a.accountaddress))`;
const FILES = `(select count(*) from case_messages c where lower(c.account) = lower(a.accountaddress))`;

/** The account's last-logon event of the case timeline: the time converted with the server zone, or why not. */
const LAST_LOGON_EVENT = `from case_timeline t where t.type = 'account-last-logon' and lower(t.account) = lower(a.accountaddress) limit 1`;
const LAST_LOGON_UTC = `(select t.time_utc ${LAST_LOGON_EVENT})`;
const LAST_LOGON_NOTE = `(select t.time_note ${LAST_LOGON_EVENT})`;

/** Database accounts; no rows when the database has no hm_accounts. */
export function accountsQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_accounts', 'accountaddress')) return noRows(['accountaddress']);
  const c = (column: string, alias?: string) => hm.col('hm_accounts', column, alias);
  const hasMessages = hm.has('hm_messages', 'messageaccountid');
  const size = hasMessages ? '(select sum(m.messagesize) from hm_messages m where m.messageaccountid = a.accountid)' : 'NULL';
  const count = hasMessages ? '(select count(*) from hm_messages m where m.messageaccountid = a.accountid)' : 'NULL';
  const scheme = hm.has('hm_accounts', 'accountpwencryption')
    ? `case when coalesce(a.accountpassword, '') = '' then 'blank' when a.accountpwencryption = 0 then 'plain'
        when a.accountpwencryption = 1 then 'blowfish' when a.accountpwencryption = 2 then 'md5'
        when a.accountpwencryption = 3 then 'sha256-salted' else 'unknown' end`
    : `'unknown'`;
  const sql = `select ${c('accountid')}, accountaddress, ${c('accountactive')}, ${c('accountisad')}, ${c('accountadminlevel')},
    ${c('accountmaxsize')}, ${size} as size_bytes, ${count} as db_messages, ${FILES} as files, ${c('accountlastlogontime')},
    ${LAST_LOGON_UTC} as last_logon_utc, ${LAST_LOGON_NOTE} as last_logon_note,
    ${scheme} as scheme, ${WEAK} as weak, ${c('accountforwardenabled')}, ${c('accountforwardaddress')},
    ${c('accountforwardkeeporiginal')}, ${c('accountvacationmessageon')}
  from hm_accounts a order by lower(accountaddress)`;
  return { sql, params: [] };
}

export const ACCOUNTS_FROM_FILES_SQL = `select account, count(*) as files, sum(size) as size_bytes
  from case_messages where account is not null and account <> '' group by lower(account) order by lower(account)`;

/** The account's folders in the database, by its hm_accounts id; files are counted by its address. */
export function foldersQuery(hm: HmColumns, accountId: number, address: string): SqlQuery {
  const c = (column: string) => hm.col('hm_imapfolders', column);
  const delimiter = hm.has('hm_settings')
    ? `coalesce((select nullif(settingstring, '') from hm_settings where lower(settingname) = 'imaphierarchydelimiter'), '.')`
    : `'.'`;
  const dbMessages = hm.has('hm_messages', 'messagefolderid')
    ? '(select count(*) from hm_messages m where m.messagefolderid = t.id)'
    : 'NULL';
  const sql = `with recursive
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
  return { sql, params: [accountId, address] };
}

/** The folders of an account's message files, for an account the database does not list. */
export const foldersFromFilesQuery = (address: string): SqlQuery => ({
  sql: `select coalesce(folder, '(unknown folder)') as path, count(*) as files
  from case_messages where lower(account) = lower(?1) group by folder order by folder`,
  params: [address],
});
