/**
 * The (instant, written offset) pairs that tell the server's zone: the Received stamps the server wrote
 * itself (hmailserver.md §3.4: local time with its numeric offset) and the Date headers of mail its own users
 * sent (written by their clients, usually in the same zone). Each pair says "at this instant, the clock was
 * at this offset".
 */
import type { CaseData } from '../../model/caseData.ts';
import { domainOf } from '../support/domainOf.ts';
import { localDomains } from '../support/localDomains.ts';
import { serverHostNames } from '../support/serverHostNames.ts';
import { serverReceivedHop } from '../support/serverReceivedHop.ts';
import { parseMailDate } from '../../mail/parseMailDate.ts';

export interface OffsetPair {
  utcMs: number;
  offsetMinutes: number;
  source: 'received' | 'date';
}

/** The offset written in a Date header (numeric or an obsolete name such as EST), or null. */
export function dateHeaderOffset(value: string | undefined): number | null {
  // "-0000" means "zone unknown" (RFC 5322 §3.3): no evidence.
  if (!value || /-0000\s*(?:\([^)]*\))?\s*$/.test(value)) return null;
  return parseMailDate(value)?.offsetMinutes ?? null;
}

export function zoneEvidence(caseData: Pick<CaseData, 'database' | 'messages' | 'links'>): OffsetPair[] {
  const names = serverHostNames(caseData);
  const local = localDomains(caseData);
  const pairs: OffsetPair[] = [];
  for (const m of caseData.messages) {
    const hop = serverReceivedHop(m, names);
    const at = hop?.time ? Date.parse(hop.time) : Number.NaN;
    if (hop && hop.offsetMinutes !== null && !Number.isNaN(at)) pairs.push({ utcMs: at, offsetMinutes: hop.offsetMinutes, source: 'received' });
    const senderDomain = domainOf(m.from?.address ?? null);
    if (!m.date || !senderDomain || !local.has(senderDomain)) continue;
    const offset = dateHeaderOffset(m.headers.find((h) => h.name.toLowerCase() === 'date')?.value);
    const when = Date.parse(m.date);
    if (offset !== null && !Number.isNaN(when)) pairs.push({ utcMs: when, offsetMinutes: offset, source: 'date' });
  }
  return pairs.sort((a, b) => a.utcMs - b.utcMs || a.offsetMinutes - b.offsetMinutes);
}
