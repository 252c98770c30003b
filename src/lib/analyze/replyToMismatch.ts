/**
 * `reply-to-mismatch`: Reply-To sends answers to another domain than From — the mechanism of most
 * business-e-mail-compromise replies. Mailing lists set Reply-To to themselves too; the details say which.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { registrableDomain } from './support/registrableDomain.ts';

export const replyToMismatch: Analyzer = {
  id: 'replyToMismatch',
  findingTypes: ['reply-to-mismatch'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const fromDomain = domainOf(m.from?.address);
      if (!fromDomain) continue;
      const others = m.replyTo.filter((r) => {
        const d = domainOf(r.address);
        return d !== null && registrableDomain(d) !== registrableDomain(fromDomain);
      });
      if (others.length === 0) continue;
      const listed = others.map((r) => r.address).join(', ');
      findings.push({
        type: 'reply-to-mismatch',
        severity: 'medium',
        ref: { message: m.path },
        summary: `${m.path} is From ${m.from?.address} but asks for replies to ${listed}, another domain: answers would go to someone other than the visible sender.`,
        details: { from: m.from?.address ?? null, fromDomain, replyTo: m.replyTo.map((r) => r.address), replyToDomains: others.map((r) => domainOf(r.address)) },
      });
    }
    return findings;
  },
};
