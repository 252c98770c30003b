/**
 * Messages per account per day, from each source apart (their clocks differ, and a message can be in more
 * than one): authenticated SMTP sessions, queued mail and Sent folders in the database, message files sent
 * from the account, and the files in its mailbox.
 */
import type { HmColumns } from './hmColumns.ts';
import type { SqlQuery } from './sqlQuery.ts';

const SENT_FOLDERS = "('sent', 'sent items', 'sent messages', 'sent mail')";

export function accountVolumeQuery(hm: HmColumns): SqlQuery {
  const hasAccounts = hm.has('hm_accounts', 'accountaddress');
  const accounts = hasAccounts
    ? "select lower(accountaddress) from hm_accounts union select lower(account) from case_messages where coalesce(account, '') <> ''"
    : "select lower(account) from case_messages where coalesce(account, '') <> ''";
  const parts = [
    `select lower(auth_user), 'sent: SMTP log, authenticated MAIL FROM (server time)', substr(start_local, 1, 10)
       from case_log_sessions where auth_result = 'ok' and coalesce(auth_user, '') <> '' and coalesce(mail_from, '') <> ''`,
    `select lower(from_addr), 'sent: message files From the account (UTC)', substr(coalesce(received_utc, date_utc), 1, 10)
       from case_messages where lower(from_addr) in (select addr from accounts)`,
    `select lower(account), 'in the mailbox: message files (UTC)', substr(coalesce(received_utc, date_utc), 1, 10)
       from case_messages where coalesce(account, '') <> ''`,
  ];
  if (hm.has('hm_messages', 'messagefrom') && hm.has('hm_messages', 'messagecreatetime')) {
    parts.push(`select lower(messagefrom), 'sent: delivery queue, envelope sender (server time)', substr(messagecreatetime, 1, 10)
       from hm_messages where messagetype in (1, 3) and lower(messagefrom) in (select addr from accounts)`);
    if (hasAccounts && hm.has('hm_imapfolders', 'foldername')) {
      parts.push(`select lower(a.accountaddress), 'sent: Sent folder in the database (server time)', substr(m.messagecreatetime, 1, 10)
         from hm_messages m join hm_imapfolders f on f.folderid = m.messagefolderid join hm_accounts a on a.accountid = m.messageaccountid
         where lower(f.foldername) in ${SENT_FOLDERS}`);
    }
  }
  const sql = `with accounts(addr) as (${accounts}), ev(account, source, day) as (${parts.join(' union all ')})
  select account, source, day, count(*) as n from ev where day like '____-__-__' group by account, source, day order by account, source, day`;
  return { sql, params: [] };
}

/** Accounts a sending-spike finding names. */
export const SENDING_SPIKES_SQL = "select distinct lower(ref_account) from case_findings where type = 'sending-spike' and ref_account is not null";
