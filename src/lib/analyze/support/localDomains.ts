/**
 * The server's own mail domains: hm_domains with their domain aliases (hm_domain_aliases, mail to which
 * is delivered locally), or without a database the domains of the mailbox folders.
 */
import type { CaseData } from '../../model/caseData.ts';
import { domainOf } from './domainOf.ts';

export function localDomains(caseData: Pick<CaseData, 'database' | 'links'>, options: { aliases?: boolean } = {}): Set<string> {
  const domains = new Set<string>();
  for (const d of caseData.database?.domains ?? []) domains.add(d.name.toLowerCase());
  for (const a of caseData.database?.accounts ?? []) {
    const d = domainOf(a.address);
    if (d) domains.add(d);
  }
  if (options.aliases ?? true) {
    for (const alias of caseData.database?.domainAliases ?? []) {
      const d = alias.alias.trim().toLowerCase().replace(/\.$/, '');
      if (d) domains.add(d);
    }
  }
  if (domains.size === 0) {
    for (const l of caseData.links) {
      const d = domainOf(l.accountFromPath);
      if (d) domains.add(d);
    }
  }
  return domains;
}
