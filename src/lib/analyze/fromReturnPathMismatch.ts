/**
 * `from-return-path-mismatch`: the From domain differs from the envelope sender hMailServer wrote into
 * Return-Path. Common for bulk mailers, but also how a forged From gets past a sender's own SPF.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { localDomains } from './support/localDomains.ts';
import { registrableDomain } from './support/registrableDomain.ts';

export const fromReturnPathMismatch: Analyzer = {
  id: 'fromReturnPathMismatch',
  findingTypes: ['from-return-path-mismatch'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const local = localDomains(caseData);
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const fromDomain = domainOf(m.from?.address);
      // An empty Return-Path is the null sender of bounces and notifications: nothing to compare.
      const envelopeDomain = domainOf(m.returnPath);
      if (!fromDomain || !envelopeDomain) continue;
      if (registrableDomain(fromDomain) === registrableDomain(envelopeDomain)) continue;
      const claimsLocal = local.has(fromDomain) && !local.has(envelopeDomain);
      findings.push({
        type: 'from-return-path-mismatch',
        severity: claimsLocal ? 'medium' : 'low',
        ref: { message: m.path },
        summary: claimsLocal
          ? `${m.path} shows From ${m.from?.address}, one of the server's own domains, but its envelope sender (Return-Path) is ${m.returnPath}: an outside sender used a local From address.`
          : `${m.path} shows From ${m.from?.address} but its envelope sender (Return-Path) is ${m.returnPath}, another domain: the visible sender is not the one the delivery was made for.`,
        details: { from: m.from?.address ?? null, fromDomain, returnPath: m.returnPath, returnPathDomain: envelopeDomain, fromIsLocal: local.has(fromDomain) },
      });
    }
    return findings;
  },
};
