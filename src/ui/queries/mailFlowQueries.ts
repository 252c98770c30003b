/**
 * Who sends and where mail goes, counted in SQL over every source that records it: message files (header
 * From / To / Cc), hm_messages and hm_messagerecipients (envelope), and SMTP log sessions (MAIL FROM / RCPT TO).
 */
import type { CellValue } from '../components/tableColumn.ts';
import type { TriageClient } from '../triageClient.ts';
import type { HmColumns } from './hmColumns.ts';
import { externalSql, localDomainsSql } from './localDomains.ts';
import { asNumber, asText, queryRows } from './queryRows.ts';

/** Rows in each top list: enough to see the pattern; the SQL console has the full counts. */
export const TOP_LIMIT = 50;

export interface SenderRow {
  address: string;
  /** Message files whose From header is this address. */
  header: number;
  /** hm_messages rows with this envelope sender (MAIL FROM). */
  envelope: number;
  /** SMTP log sessions with this MAIL FROM. */
  smtp: number;
  /** Null when the server's domains are unknown. */
  local: boolean | null;
}

export interface RecipientDomainRow {
  domain: string;
  header: number;
  envelope: number;
  smtp: number;
  /** Distinct addresses of the domain seen in any source. */
  addresses: number;
  local: boolean | null;
}

const sum = (kind: string) => `sum(kind = '${kind}')`;

function sendersSql(hm: HmColumns): string {
  const envelope = hm.has('hm_messages', 'messagefrom')
    ? "union all select lower(trim(messagefrom)), 'envelope' from hm_messages where coalesce(messagefrom, '') <> ''"
    : '';
  return `with src(addr, kind) as (
    select lower(trim(from_addr)), 'header' from case_messages where coalesce(from_addr, '') <> ''
    ${envelope}
    union all select lower(trim(mail_from)), 'smtp' from case_log_sessions where coalesce(mail_from, '') <> '')
  select addr, ${sum('header')} as header, ${sum('envelope')} as envelope, ${sum('smtp')} as smtp, ${externalSql(hm, 'addr')} as external
  from src group by addr order by count(*) desc, addr limit ${TOP_LIMIT}`;
}

function recipientDomainsSql(hm: HmColumns): string {
  const envelope = hm.has('hm_messagerecipients', 'recipientaddress')
    ? "union all select 'envelope', lower(trim(recipientaddress)) from hm_messagerecipients where recipientaddress like '%@%'"
    : '';
  const local = localDomainsSql(hm);
  return `with recursive
  lists(kind, rest) as (
    select 'header', lower(coalesce(to_addrs, '') || ',' || coalesce(cc_addrs, '')) || ',' from case_messages
    union all select 'smtp', lower(rcpt_to) || ',' from case_log_sessions where coalesce(rcpt_to, '') <> ''),
  split(kind, addr, rest) as (
    select kind, NULL, rest from lists
    union all select kind, trim(substr(rest, 1, instr(rest, ',') - 1)), substr(rest, instr(rest, ',') + 1) from split where rest <> ''),
  src(kind, addr) as (
    select kind, addr from split where addr like '%@%'
    ${envelope}),
  counted as (
    select substr(addr, instr(addr, '@') + 1) as domain, ${sum('header')} as header, ${sum('envelope')} as envelope, ${sum('smtp')} as smtp,
      count(distinct addr) as addresses, count(*) as total
    from src group by domain)
  select domain, header, envelope, smtp, addresses, ${local ? `(domain in (${local}))` : 'NULL'} as local
  from counted order by total desc, domain limit ${TOP_LIMIT}`;
}

const count = (v: CellValue) => asNumber(v) ?? 0;

export async function loadTopSenders(client: TriageClient, hm: HmColumns): Promise<SenderRow[]> {
  return queryRows(await client.query(sendersSql(hm))).map((r) => ({
    address: asText(r.addr),
    header: count(r.header),
    envelope: count(r.envelope),
    smtp: count(r.smtp),
    local: r.external === null ? null : asNumber(r.external) === 0,
  }));
}

export async function loadTopRecipientDomains(client: TriageClient, hm: HmColumns): Promise<RecipientDomainRow[]> {
  return queryRows(await client.query(recipientDomainsSql(hm))).map((r) => ({
    domain: asText(r.domain),
    header: count(r.header),
    envelope: count(r.envelope),
    smtp: count(r.smtp),
    addresses: count(r.addresses),
    local: r.local === null ? null : asNumber(r.local) === 1,
  }));
}
