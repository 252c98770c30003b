/**
 * `spf-fail`: SPF fail/softfail — recorded in Authentication-Results / Received-SPF headers (hMailServer writes
 * neither, so these come from relays before it), or computed offline from the examiner's DNS snapshot for
 * the connecting IP of the server's own receiving hop and the envelope sender's domain (HELO for bounces).
 * hMailServer's own "Blocked by SPF." reason only exists on spam-flagged mail and is reported there.
 */
import type { Finding, Severity } from '../model/finding.ts';
import { evaluateSpf } from '../mail/evaluateSpf.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { isAuthenticatedHop } from './support/isAuthenticatedHop.ts';
import { isPrivateIp } from '../ip/isPrivateIp.ts';
import { serverHostNames } from './support/serverHostNames.ts';
import { serverReceivedHop } from './support/serverReceivedHop.ts';

const FAILING = new Set(['fail', 'softfail']);

export const spfFail: Analyzer = {
  id: 'spfFail',
  findingTypes: ['spf-fail'],
  needs: ['messages'],
  run(caseData) {
    const hostNames = serverHostNames(caseData);
    const dns = caseData.dns;
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const recorded = m.authResults.filter((r) => r.method === 'spf' && FAILING.has(r.result));
      let computed: { ip: string; domain: string; result: string; reason: string } | null = null;
      const hop = serverReceivedHop(m, hostNames);
      if (dns && hop?.ip && !isAuthenticatedHop(hop) && !isPrivateIp(hop.ip)) {
        const helo = hop.from && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(hop.from) ? hop.from.toLowerCase() : null;
        const domain = domainOf(m.returnPath) ?? helo;
        if (domain) {
          const evaluation = evaluateSpf(hop.ip, domain, dns);
          if (FAILING.has(evaluation.result)) computed = { ip: hop.ip, domain, result: evaluation.result, reason: evaluation.reason };
        }
      }
      if (recorded.length === 0 && !computed) continue;
      const results = [...recorded.map((r) => r.result), ...(computed ? [computed.result] : [])];
      const severity: Severity = results.includes('fail') ? 'medium' : 'low';
      const parts = [
        ...recorded.map((r) => `a relay recorded spf=${r.result}`),
        ...(computed ? [`the DNS snapshot's SPF policy of ${computed.domain} gives ${computed.result} for ${computed.ip} (${computed.reason})`] : []),
      ];
      findings.push({
        type: 'spf-fail',
        severity,
        ref: { message: m.path, ...(computed ? { ip: computed.ip } : hop?.ip ? { ip: hop.ip } : {}) },
        summary: `${m.path} fails SPF: ${parts.join('; ')} — the sending host was not authorised to send for that domain.`,
        details: {
          recorded: recorded.map((r) => ({ result: r.result, header: r.raw })),
          computed,
          envelopeSender: m.returnPath,
        },
      });
    }
    return findings;
  },
};
