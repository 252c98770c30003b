/**
 * Whether an address belongs to this server: its domain is an hm_domains name or an hm_domain_aliases alias.
 * Without hm_domains nobody can tell, so the predicates yield NULL rather than calling everything external.
 */
import type { HmColumns } from './hmColumns.ts';

/** A SELECT of the lower-case local domain names, or null without hm_domains. */
export function localDomainsSql(hm: HmColumns): string | null {
  if (!hm.has('hm_domains', 'domainname')) return null;
  const aliases = hm.has('hm_domain_aliases', 'daalias') ? ' union select lower(daalias) from hm_domain_aliases' : '';
  return `select lower(domainname) from hm_domains${aliases}`;
}

/** SQL expression of the lower-case domain part of an address expression ('' when it has no @). */
function domainOfSql(address: string): string {
  return `lower(trim(substr(${address}, instr(${address}, '@') + 1)))`;
}

/** 1 when the address has a domain that is not local, 0 when local, NULL when unknown (no address, no domains). */
export function externalSql(hm: HmColumns, address: string): string {
  const local = localDomainsSql(hm);
  if (!local) return 'NULL';
  return `(case when coalesce(${address}, '') not like '%@%' then NULL when ${domainOfSql(address)} in (${local}) then 0 else 1 end)`;
}
