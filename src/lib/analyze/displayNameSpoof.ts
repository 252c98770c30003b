/**
 * `display-name-spoof`: the display name claims something the address is not — another e-mail address,
 * a well-known brand (support/imitatedBrands.ts) sending from an unrelated domain, or the name of one of
 * the server's own users (hm_accounts first/last name) on an outside address.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { confusableSkeleton } from './support/confusableSkeleton.ts';
import { domainOf } from './support/domainOf.ts';
import { IMITATED_BRANDS } from './support/imitatedBrands.ts';
import { isSameOrSubdomain } from './support/isSameOrSubdomain.ts';
import { localDomains } from './support/localDomains.ts';

const ADDRESS_IN_NAME = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]{2,}/g;

function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map(confusableSkeleton);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((t, j) => haystack[i + j] === t)) return true;
  return false;
}

interface Claim { kind: 'address' | 'brand' | 'local-user'; claimed: string; explanation: string }

export const displayNameSpoof: Analyzer = {
  id: 'displayNameSpoof',
  findingTypes: ['display-name-spoof'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const local = localDomains(caseData);
    const people = (caseData.database?.accounts ?? [])
      .filter((a) => a.firstName.trim() && a.lastName.trim())
      .map((a) => ({ address: a.address.toLowerCase(), variants: [tokens(`${a.firstName} ${a.lastName}`), tokens(`${a.lastName} ${a.firstName}`)] }));
    const brands = IMITATED_BRANDS.map((b) => ({ ...b, wordTokens: b.words.map(tokens) }));
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const name = m.from?.name?.trim() ?? '';
      const address = m.from?.address?.toLowerCase() ?? '';
      const domain = domainOf(address);
      if (!name || !domain) continue;
      const claims: Claim[] = [];
      for (const shown of name.match(ADDRESS_IN_NAME) ?? []) {
        if (shown.toLowerCase() !== address) claims.push({ kind: 'address', claimed: shown, explanation: `shows the address ${shown} but the mail comes from ${address}` });
      }
      const nameTokens = tokens(name);
      for (const brand of brands) {
        if (!brand.wordTokens.some((w) => containsSequence(nameTokens, w))) continue;
        if (brand.domains.some((d) => isSameOrSubdomain(domain, d))) continue;
        claims.push({ kind: 'brand', claimed: brand.brand, explanation: `claims to be ${brand.brand} but sends from ${domain}, not a ${brand.brand} domain` });
      }
      if (!local.has(domain)) {
        for (const p of people) {
          if (p.address === address || !p.variants.some((v) => v.length === nameTokens.length && containsSequence(nameTokens, v))) continue;
          claims.push({ kind: 'local-user', claimed: p.address, explanation: `uses the name of the server's own user ${p.address} on the outside address ${address}` });
        }
      }
      if (claims.length === 0) continue;
      findings.push({
        type: 'display-name-spoof',
        severity: claims.some((c) => c.kind === 'address') ? 'high' : 'medium',
        ref: { message: m.path },
        summary: `The sender name "${name}" of ${m.path} ${claims.map((c) => c.explanation).join('; ')}.`,
        details: { displayName: name, address, domain, claims: claims.map((c) => ({ kind: c.kind, claimed: c.claimed })) },
      });
    }
    return findings;
  },
};
