/** Ready-made queries of the SQL console: the questions examiners ask first of an hMailServer database. */

/** The console's first query: the examiner's first question of an hMailServer database. */
export const MAX_MESSAGE_ID_SQL = 'select max(messageid) from hm_messages';

export interface SqlExample {
  label: string;
  sql: string;
}

export const SQL_EXAMPLES: SqlExample[] = [
  { label: 'Highest message ID', sql: MAX_MESSAGE_ID_SQL },
  { label: 'Tables of the case database', sql: "select schema, type, name from pragma_table_list where name not like 'sqlite%' order by name" },
  {
    label: 'Accounts by last logon',
    sql: 'select accountaddress, accountactive, accountlastlogontime, accountpwencryption, accountforwardenabled, accountforwardaddress\nfrom hm_accounts order by accountlastlogontime desc',
  },
  {
    label: 'Messages per account and folder (database)',
    sql: "select a.accountaddress, f.foldername, count(*) as messages, sum(m.messagesize) as bytes\nfrom hm_messages m\nleft join hm_accounts a on a.accountid = m.messageaccountid\nleft join hm_imapfolders f on f.folderid = m.messagefolderid\ngroup by 1, 2 order by messages desc",
  },
  {
    label: 'Delivery queue',
    sql: 'select m.messageid, m.messagefrom, m.messagecreatetime, m.messagecurnooftries, m.messagenexttrytime, r.recipientaddress\nfrom hm_messages m left join hm_messagerecipients r on r.recipientmessageid = m.messageid\nwhere m.messagetype in (1, 3) order by m.messageid',
  },
  { label: 'Settings', sql: 'select settingname, settingstring, settinginteger from hm_settings order by settingname' },
  {
    label: 'Findings by type',
    sql: "select category, type, severity, count(*) as n from case_findings group by 1, 2, 3 order by case severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, n desc",
  },
  { label: 'Top senders (message files)', sql: 'select from_addr, count(*) as n from case_messages group by from_addr order by n desc limit 50' },
  { label: 'Failed logons by IP (logs)', sql: "select ip, count(*) as n, min(time_local), max(time_local)\nfrom case_log_events where kind like '%fail%' group by ip order by n desc" },
  { label: 'Inventory errors', sql: "select path, kind, format, error from case_inventory where status <> 'ok' order by path" },
];
