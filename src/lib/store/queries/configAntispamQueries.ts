/** SQL of the anti-spam settings: active DNSBL and SURBL lists, the lists themselves, and the blocked attachments. */
import type { HmColumns } from './hmColumns.ts';
import { noRows, type SqlQuery } from './sqlQuery.ts';

/** The list tables and their "active" column. */
const LIST_TABLES = { dnsbl: ['hm_dnsbl', 'sblactive'], surbl: ['hm_surblservers', 'surblactive'] } as const;
export type SpamListKind = keyof typeof LIST_TABLES;

/** Active lists of one kind; NULL without its table. */
export function activeSpamListsQuery(hm: HmColumns, kind: SpamListKind): SqlQuery {
  const [table, active] = LIST_TABLES[kind] ?? LIST_TABLES.dnsbl;
  return { sql: hm.has(table, active) ? `select count(*) as n from ${table} where ${active} <> 0` : 'select NULL as n', params: [] };
}

export function spamListsQuery(hm: HmColumns): SqlQuery {
  const parts: string[] = [];
  if (hm.has('hm_dnsbl', 'sbldnshost')) {
    parts.push(`select 'DNSBL' as kind, sbldnshost as host, ${hm.col('hm_dnsbl', 'sblactive', 'active')}, ${hm.col('hm_dnsbl', 'sblresult', 'expected')},
      ${hm.col('hm_dnsbl', 'sblscore', 'score')}, ${hm.col('hm_dnsbl', 'sblrejectmessage', 'message')} from hm_dnsbl`);
  }
  if (hm.has('hm_surblservers', 'surblhost')) {
    parts.push(`select 'SURBL' as kind, surblhost as host, ${hm.col('hm_surblservers', 'surblactive', 'active')}, NULL as expected,
      ${hm.col('hm_surblservers', 'surblscore', 'score')}, ${hm.col('hm_surblservers', 'surblrejectmessage', 'message')} from hm_surblservers`);
  }
  if (parts.length === 0) return noRows(['kind', 'host', 'active', 'expected', 'score', 'message']);
  return { sql: `${parts.join(' union all ')} order by kind, host`, params: [] };
}

export function blockedAttachmentsQuery(hm: HmColumns): SqlQuery {
  return { sql: `select bawildcard, ${hm.col('hm_blocked_attachments', 'badescription')} from hm_blocked_attachments order by lower(bawildcard)`, params: [] };
}
