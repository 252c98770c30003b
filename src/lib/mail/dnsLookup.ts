/** Answers lookups from a DNS snapshot, following CNAMEs, and says whether the snapshot knows the name at all. */
import type { DnsRecord, DnsSnapshot } from '../model/dnsSnapshot.ts';

/** CNAME hops followed: a loop in a hand-written zone must end. */
const MAX_CNAME_HOPS = 8;

export interface DnsAnswer {
  records: DnsRecord[];
  /** false when the snapshot holds no record of any type for the name: absence proves nothing then. */
  nameKnown: boolean;
  /** The name finally answered, after CNAMEs. */
  name: string;
}

export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

export function lookupRecords(dns: DnsSnapshot, name: string, type: string): DnsAnswer {
  const wanted = type.toUpperCase();
  let current = normalizeDnsName(name);
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const atName = dns.records.filter((r) => normalizeDnsName(r.name) === current);
    const direct = atName.filter((r) => r.type.toUpperCase() === wanted);
    if (direct.length > 0 || wanted === 'CNAME') return { records: direct, nameKnown: atName.length > 0, name: current };
    const cname = atName.find((r) => r.type.toUpperCase() === 'CNAME');
    if (!cname) return { records: [], nameKnown: atName.length > 0, name: current };
    current = normalizeDnsName(cname.value);
  }
  return { records: [], nameKnown: true, name: current };
}
