/** The Overview's SQL: database identity and counts, max message ID, domains, key settings, findings by type. */
import type { HmColumns } from './hmColumns.ts';
import { noRows, type SqlQuery } from './sqlQuery.ts';


export const CASE_META_SQL = `select key, value from case_meta where key in
  ('database_source', 'database_path', 'database_schema_version', 'ini', 'server_zone')`;

export const CASE_COUNTS_SQL = `select
  (select count(*) from case_messages) as messages,
  (select count(*) from case_messages where queued = 1) as queued_files,
  (select count(*) from case_attachments) as attachments,
  (select count(*) from case_log_sessions) as log_sessions,
  (select count(*) from case_log_events) as log_events,
  (select count(*) from case_log_unparsed) as log_unparsed,
  (select count(*) from case_inventory) as inventory,
  (select count(*) from case_inventory where status = 'error') as inventory_errors,
  (select count(*) from case_findings) as findings`;

export const FINDING_TYPES_SQL = `select severity, category, type, count(*) as n from case_findings
  group by severity, category, type
  order by case severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, n desc, type`;

/** The highest hm_messages id (NULL without the column). */
export function maxMessageIdQuery(hm: HmColumns): SqlQuery {
  return { sql: hm.has('hm_messages', 'messageid') ? 'select max(messageid) from hm_messages' : 'select NULL', params: [] };
}

/** Rows of every hm_* table. */
export function hmTableCountsQuery(hm: HmColumns): SqlQuery {
  const names = hm.tableNames;
  if (names.length === 0) return noRows(['name', 'n']);
  return { sql: names.map((n) => `select '${n}' as name, count(*) as n from "${n}"`).join(' union all '), params: [] };
}

export function hmDomainsQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_domains')) return noRows(['domainname', 'domainactive', 'accounts']);
  const accounts = hm.has('hm_accounts', 'accountdomainid')
    ? '(select count(*) from hm_accounts a where a.accountdomainid = d.domainid)'
    : 'NULL';
  return { sql: `select domainname, ${hm.col('hm_domains', 'domainactive')}, ${accounts} as accounts from hm_domains d order by domainname`, params: [] };
}

/** hm_settings by lower-case name (the Overview's key settings, the anti-spam table). */
export function hmSettingsQuery(hm: HmColumns): SqlQuery {
  if (!hm.has('hm_settings', 'settingname')) return noRows(['name', 'settingstring', 'settinginteger']);
  return { sql: 'select lower(settingname) as name, settingstring, settinginteger from hm_settings', params: [] };
}

/** Messages, queued messages, accounts and domains in the database (NULL for a table it lacks). */
export function hmCountsQuery(hm: HmColumns): SqlQuery {
  const count = (table: string, where = '') => (hm.has(table) ? `(select count(*) from ${table} ${where})` : 'NULL');
  const queue = hm.has('hm_messages', 'messagetype') ? count('hm_messages', 'where messagetype in (1, 3)') : 'NULL';
  return {
    sql: `select ${count('hm_messages')} as messages, ${queue} as queue, ${count('hm_accounts')} as accounts, ${count('hm_domains')} as domains`,
    params: [],
  };
}
