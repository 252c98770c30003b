/**
 * Messages per account per day, from each source apart (their clocks differ, and a message can be in more
 * than one): authenticated SMTP sessions, queued mail and Sent folders in the database, message files sent
 * from the account, and the files in its mailbox. Feeds the sending-spike picture on the Overview.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import type { TriageClient } from '../triageClient.ts';
import type { HmColumns } from './hmColumns.ts';
import { asNumber, asText, queryRows } from './queryRows.ts';

/** Days a sparkline spans at most (the latest ones): a year of daily bars still fits a table cell. */
export const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export interface AccountVolumeRow {
  account: string;
  source: string;
  total: number;
  /** Days with at least one message. */
  days: number;
  peakDay: string;
  peakCount: number;
  perDay: Record<string, number>;
  /** A sending-spike finding names this account. */
  spike: boolean;
}

export interface AccountVolume {
  rows: AccountVolumeRow[];
  /** Every day from the first to the last seen (at most MAX_DAYS, the latest), for aligned sparklines. */
  days: string[];
  truncated: boolean;
}

const SENT_FOLDERS = "('sent', 'sent items', 'sent messages', 'sent mail')";

function volumeSql(hm: HmColumns): string {
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
  return `with accounts(addr) as (${accounts}), ev(account, source, day) as (${parts.join(' union all ')})
  select account, source, day, count(*) as n from ev where day like '____-__-__' group by account, source, day order by account, source, day`;
}

const SPIKES_SQL = "select distinct lower(ref_account) from case_findings where type = 'sending-spike' and ref_account is not null";

function dayRange(first: string, last: string): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  const from = Math.max(start, end - (MAX_DAYS - 1) * DAY_MS);
  const days: string[] = [];
  for (let t = from; t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function toRows(result: QueryResult, spikes: Set<string>): AccountVolumeRow[] {
  const byKey = new Map<string, AccountVolumeRow>();
  for (const r of queryRows(result)) {
    const account = asText(r.account);
    const source = asText(r.source);
    const day = asText(r.day);
    const n = asNumber(r.n) ?? 0;
    const key = `${account}\u0000${source}`;
    let row = byKey.get(key);
    if (!row) {
      row = { account, source, total: 0, days: 0, peakDay: day, peakCount: 0, perDay: {}, spike: spikes.has(account) };
      byKey.set(key, row);
    }
    row.total += n;
    row.days += 1;
    row.perDay[day] = n;
    if (n > row.peakCount) {
      row.peakCount = n;
      row.peakDay = day;
    }
  }
  // Shown in a table the examiner reads: ties in the human alphabet (localeCompare).
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.account.localeCompare(b.account) || a.source.localeCompare(b.source));
}

export async function loadAccountVolume(client: TriageClient, hm: HmColumns): Promise<AccountVolume> {
  const result = await client.query(volumeSql(hm));
  const spikes = new Set((await client.query(SPIKES_SQL)).rows.map((r) => String(r[0])));
  const rows = toRows(result, spikes);
  const all = rows.flatMap((r) => Object.keys(r.perDay)).sort();
  return { rows, days: all.length ? dayRange(all[0], all[all.length - 1]) : [], truncated: result.truncated === true };
}
