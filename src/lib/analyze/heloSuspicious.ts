/**
 * `helo-suspicious`: the HELO/EHLO name in the server's own receiving hop (the only hop it wrote itself) is
 * an IP literal, a bare word, localhost, the server's own host name, or a host of an organisation that
 * neither its reverse DNS nor the envelope sender belongs to. Authenticated submissions and LAN clients are
 * not judged: their HELO is a workstation name by nature, and hMailServer's own HELO test skips them too.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { isAuthenticatedHop } from './support/isAuthenticatedHop.ts';
import { isPrivateIp } from '../ip/isPrivateIp.ts';
import { isSameOrSubdomain } from './support/isSameOrSubdomain.ts';
import { registrableDomain } from './support/registrableDomain.ts';
import { serverHostNames } from './support/serverHostNames.ts';
import { serverReceivedHop } from './support/serverReceivedHop.ts';

interface Verdict { kind: 'ip-literal' | 'localhost' | 'bare-word' | 'claims-server' | 'foreign-domain'; severity: Severity; why: string }

const IP_LITERAL = /^\[?(?:ipv6:)?[0-9a-f.:]+\]?$/i;

function judge(helo: string, ptr: string | null, envelopeDomain: string | null, ownNames: string[]): Verdict | null {
  const name = helo.trim().toLowerCase().replace(/\.$/, '');
  if (IP_LITERAL.test(name) && /[.:]/.test(name)) return { kind: 'ip-literal', severity: 'medium', why: 'an IP address literal instead of a host name, as spam bots send it' };
  if (name === 'localhost' || name.startsWith('localhost.')) return { kind: 'localhost', severity: 'medium', why: 'localhost, which no Internet host can be' };
  if (!name.includes('.')) return { kind: 'bare-word', severity: 'medium', why: 'a bare word without a domain, not a fully qualified host name' };
  if (ownNames.some((own) => isSameOrSubdomain(name, own))) return { kind: 'claims-server', severity: 'high', why: "one of this server's own names, used by an outside host" };
  const ptrOrg = ptr ? registrableDomain(ptr) : null;
  const heloOrg = registrableDomain(name);
  if (ptrOrg && heloOrg !== ptrOrg && (!envelopeDomain || heloOrg !== registrableDomain(envelopeDomain))) {
    return { kind: 'foreign-domain', severity: 'low', why: `a host of ${heloOrg}, while the connecting address resolves to ${ptr} and the sender is ${envelopeDomain ?? 'unknown'}` };
  }
  return null;
}

export const heloSuspicious: Analyzer = {
  id: 'heloSuspicious',
  findingTypes: ['helo-suspicious'],
  needs: ['messages'],
  run(caseData) {
    const hostNames = serverHostNames(caseData);
    // Only the server's host names: a local domain can have other mail hosts of its own (hybrid setups).
    const ownNames = [...hostNames];
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hop = serverReceivedHop(m, hostNames);
      if (!hop || !hop.from || isAuthenticatedHop(hop) || isPrivateIp(hop.ip)) continue;
      const envelopeDomain = domainOf(m.returnPath) ?? domainOf(m.from?.address);
      const verdict = judge(hop.from, hop.fromPtr, envelopeDomain, ownNames);
      if (!verdict) continue;
      findings.push({
        type: 'helo-suspicious',
        severity: verdict.severity,
        ref: { message: m.path, ...(hop.ip ? { ip: hop.ip } : {}) },
        summary: `The host that delivered ${m.path} from ${hop.ip ?? 'an unknown address'} introduced itself (HELO/EHLO) as "${hop.from}": ${verdict.why}.`,
        details: { helo: hop.from, kind: verdict.kind, ip: hop.ip, ptr: hop.fromPtr, by: hop.by, envelopeSender: m.returnPath, received: hop.raw },
      });
    }
    return findings;
  },
};
