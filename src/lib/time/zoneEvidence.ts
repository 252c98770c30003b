/**
 * The (instant, written offset) pairs that tell the server's zone: the Received stamps the server wrote
 * itself (hmailserver.md §3.4: local time with its numeric offset) and the Date headers of mail its own users
 * sent (written by their clients, usually in the same zone). Each pair says "at this instant, the clock was
 * at this offset".
 */
import type { CaseData } from '../model/caseData.ts';
import { domainOf } from '../analyze/support/domainOf.ts';
import { localDomains } from '../analyze/support/localDomains.ts';
import { serverHostNames } from '../analyze/support/serverHostNames.ts';
import { serverReceivedHop } from '../analyze/support/serverReceivedHop.ts';

export interface OffsetPair {
  utcMs: number;
  offsetMinutes: number;
  source: 'received' | 'date';
}

/** The numeric zone at the end of an RFC 5322 date ("… -0500" or "… -0500 (EST)"). */
const DATE_OFFSET = /([+-])(\d{2})(\d{2})\s*(?:\([^)]*\))?\s*$/;

export function dateHeaderOffset(value: string | undefined): number | null {
  const m = value ? DATE_OFFSET.exec(value) : null;
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  // "-0000" means "zone unknown" (RFC 5322 §3.3): no evidence.
  if (m[1] === '-' && minutes === 0) return null;
  return m[1] === '-' ? -minutes : minutes;
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
