/**
 * Who sends and where mail goes, counted in SQL over every source that records it: message files (header
 * From / To / Cc), hm_messages and hm_messagerecipients (envelope), and SMTP log sessions (MAIL FROM / RCPT TO).
 */
import type { HmColumns } from './hmColumns.ts';
import { externalSql, localDomainsSql } from './localDomains.ts';
import { TOP_LIMIT } from '../../model/viewLimits.ts';
import type { SqlQuery } from './sqlQuery.ts';

const sum = (kind: string) => `sum(kind = '${kind}')`;

export function topSendersQuery(hm: HmColumns): SqlQuery {
  const envelope = hm.has('hm_messages', 'messagefrom')
    ? "union all select lower(trim(messagefrom)), 'envelope' from hm_messages where coalesce(messagefrom, '') <> ''"
    : '';
  const sql = `with src(addr, kind) as (
    select lower(trim(from_addr)), 'header' from case_messages where coalesce(from_addr, '') <> ''
    ${envelope}
    union all select lower(trim(mail_from)), 'smtp' from case_log_sessions where coalesce(mail_from, '') <> '')
  select addr, ${sum('header')} as header, ${sum('envelope')} as envelope, ${sum('smtp')} as smtp, ${externalSql(hm, 'addr')} as external
  from src group by addr order by count(*) desc, addr limit ${TOP_LIMIT}`;
  return { sql, params: [] };
}

export function topRecipientDomainsQuery(hm: HmColumns): SqlQuery {
  const envelope = hm.has('hm_messagerecipients', 'recipientaddress')
    ? "union all select 'envelope', lower(trim(recipientaddress)) from hm_messagerecipients where recipientaddress like '%@%'"
    : '';
  const local = localDomainsSql(hm);
  const sql = `with recursive
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
  return { sql, params: [] };
}
