/**
 * `lookalike-domain`: a sender domain (From, Sender, Reply-To, Return-Path) that imitates one of the
 * server's own domains or a commonly imitated brand (support/imitatedBrands.ts): the same name under
 * another suffix, homoglyphs or punycode (`paypa1`, `xn--pypal-4ve`), or a close misspelling.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { confusableSkeleton } from './support/confusableSkeleton.ts';
import { decodePunycode } from './support/decodePunycode.ts';
import { domainOf } from './support/domainOf.ts';
import { editDistance } from './support/editDistance.ts';
import { IMITATED_BRANDS } from './support/imitatedBrands.ts';
import { isSameOrSubdomain } from './support/isSameOrSubdomain.ts';
import { localDomains } from './support/localDomains.ts';
import { registrableDomain } from './support/registrableDomain.ts';

/** Ordinary words one typo away from a target; as domain names they are not imitations. */
const ORDINARY_WORDS = new Set(['email', 'cloud', 'finance', 'codebase', 'whatsup', 'apply', 'ample', 'paypay', 'googly', 'goggle', 'adobo']);

/** Short names collide with ordinary words at any distance: the allowed misspelling grows with the length. */
function maxDistance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

interface Target { label: string; skeleton: string; legit: string[]; imitates: string; own: boolean }

interface Imitation { imitates: string; kind: 'same-name' | 'homoglyph' | 'misspelling'; own: boolean; distance: number }

interface Hit extends Imitation { header: string; domain: string }

/** The tokens a domain's name is compared by: its registrable name (whole, without hyphens, each part), and subdomain labels. */
function tokensOf(domain: string): { whole: string[]; sub: string[] } {
  const unicode = decodePunycode(domain);
  const registrable = registrableDomain(unicode);
  const labels = unicode.split('.');
  const name = registrable.split('.')[0];
  const parts = name.split('-').filter((p) => p.length >= 3);
  return { whole: [name, name.replace(/-/g, ''), ...parts], sub: labels.slice(0, labels.length - registrable.split('.').length) };
}

function imitationOf(domain: string, targets: Target[]): Imitation | null {
  const { whole, sub } = tokensOf(domain);
  const skeletons = new Map([...whole, ...sub].map((t) => [t, confusableSkeleton(t)]));
  for (const target of targets) {
    if (target.legit.some((d) => isSameOrSubdomain(domain, d))) continue;
    const base = { imitates: target.imitates, own: target.own };
    const exact = [...whole, ...sub].find((t) => skeletons.get(t) === target.skeleton);
    if (exact !== undefined) return { ...base, kind: exact === target.label && !domain.includes('xn--') ? 'same-name' : 'homoglyph', distance: 0 };
    const limit = maxDistance(target.label.length);
    for (const token of whole) {
      const skeleton = skeletons.get(token) ?? '';
      // Imitations keep the first letter (paypa1, gooogle); a different first letter is another word (finance/binance).
      if (limit === 0 || ORDINARY_WORDS.has(token) || skeleton[0] !== target.skeleton[0]) continue;
      const distance = editDistance(skeleton, target.skeleton);
      if (distance > 0 && distance <= limit) return { ...base, kind: 'misspelling', distance };
    }
  }
  return null;
}

function severityOf(hits: Hit[]): Severity {
  return hits.some((h) => h.kind === 'homoglyph' || (h.own && h.kind === 'misspelling')) ? 'high' : 'medium';
}

function describe(h: Hit): string {
  const how = h.kind === 'same-name' ? 'same name under another domain' : h.kind === 'homoglyph' ? 'look-alike characters' : `${h.distance} character${h.distance === 1 ? '' : 's'} off`;
  return `${h.header} domain ${h.domain} imitates ${h.own ? "the server's own domain " : ''}${h.imitates} (${how})`;
}

export const lookalikeDomain: Analyzer = {
  id: 'lookalikeDomain',
  findingTypes: ['lookalike-domain'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const local = [...localDomains(caseData)].sort();
    const targets: Target[] = [
      ...local.map((d) => ({ label: registrableDomain(d).split('.')[0], legit: local, imitates: d, own: true })),
      ...IMITATED_BRANDS.flatMap((b) => b.labels.map((label) => ({ label, legit: b.domains, imitates: b.brand, own: false }))),
    ]
      .filter((t) => t.label.length >= 3)
      .map((t) => ({ ...t, skeleton: confusableSkeleton(t.label) }));
    // Sender domains repeat across thousands of messages: each is judged once.
    const judged = new Map<string, Imitation | null>();
    const judge = (domain: string) => {
      if (!judged.has(domain)) judged.set(domain, local.some((d) => isSameOrSubdomain(domain, d)) ? null : imitationOf(domain, targets));
      return judged.get(domain) ?? null;
    };
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const senders: [string, string | null][] = [
        ['From', domainOf(m.from?.address)],
        ['Sender', domainOf(m.sender?.address)],
        ...m.replyTo.map((r): [string, string | null] => ['Reply-To', domainOf(r.address)]),
        ['Return-Path', domainOf(m.returnPath)],
      ];
      const hits: Hit[] = [];
      const seen = new Set<string>();
      for (const [header, domain] of senders) {
        if (!domain || seen.has(domain)) continue;
        seen.add(domain);
        const imitation = judge(domain);
        if (imitation) hits.push({ header, domain, ...imitation });
      }
      if (hits.length === 0) continue;
      findings.push({
        type: 'lookalike-domain',
        severity: severityOf(hits),
        ref: { message: m.path },
        summary: `In ${m.path} the ${hits.map(describe).join('; ')}.`,
        details: { domains: hits.map((h) => ({ header: h.header, domain: h.domain, unicode: decodePunycode(h.domain), imitates: h.imitates, own: h.own, kind: h.kind, distance: h.distance })) },
      });
    }
    return findings;
  },
};
