/**
 * Offline SPF (RFC 7208) for one IP and domain, answered only from a DNS snapshot. A name the
 * snapshot does not hold at all is "unknown", not "absent": evaluation then stops with temperror
 * (or none for the domain's own policy) and a reason naming what is missing, never a guess.
 */
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import { lookupRecords, normalizeDnsName } from './dnsLookup.ts';
import { ipInCidr, parseIp, type IpAddress } from '../ip/ipAddress.ts';

type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';
export interface SpfEvaluation { result: SpfResult; reason: string }

/** RFC 7208 §4.6.4: at most 10 DNS-querying terms per evaluation. */
const SPF_LOOKUP_LIMIT = 10;
/** RFC 7208 §4.6.4: at most 10 MX targets looked up per mx mechanism. */
const MX_TARGET_LIMIT = 10;

const QUALIFIERS: Record<string, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

class Stop {
  constructor(readonly result: SpfResult, readonly reason: string) {}
}

interface Context { ip: IpAddress; lookups: number; dns: DnsSnapshot }

function countLookup(ctx: Context, term: string): void {
  ctx.lookups++;
  if (ctx.lookups > SPF_LOOKUP_LIMIT) throw new Stop('permerror', `more than ${SPF_LOOKUP_LIMIT} DNS lookups (at "${term}")`);
}

function reverseName(ip: IpAddress): string {
  if (ip.version === 4) return `${[...ip.bytes].reverse().join('.')}.in-addr.arpa`;
  const nibbles = [...ip.bytes].flatMap((b) => [b >> 4, b & 15]).map((n) => n.toString(16));
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}

/** Expands the macros that need only the IP and domain; the rest need the envelope sender. */
function expand(spec: string, domain: string, ip: IpAddress): string {
  return spec.replace(/%(?:\{([a-z])(\d*)(r?)([-.+,/_=]*)\}|%|_|-)/gi, (whole, letter: string | undefined, digits: string, reverse: string, delims: string) => {
    if (whole === '%%') return '%';
    if (whole === '%_') return ' ';
    if (whole === '%-') return '%20';
    const l = (letter ?? '').toLowerCase();
    let value: string;
    if (l === 'd') value = domain;
    else if (l === 'i') value = ip.version === 4 ? ip.text : [...ip.bytes].flatMap((b) => [b >> 4, b & 15]).map((n) => n.toString(16)).join('.');
    else if (l === 'v') value = ip.version === 4 ? 'in-addr' : 'ip6';
    else throw new Stop('temperror', `macro %{${letter}} needs the envelope sender or HELO name, which offline evaluation does not have`);
    let parts = value.split(new RegExp(`[${(delims || '.').replace(/[-\\\]^]/g, '\\$&')}]`));
    if (reverse) parts = parts.reverse();
    if (digits) parts = parts.slice(-Number(digits));
    return parts.join('.');
  });
}

function addressesOf(ctx: Context, name: string, what: string): IpAddress[] {
  const type = ctx.ip.version === 4 ? 'A' : 'AAAA';
  const a = lookupRecords(ctx.dns, name, 'A');
  const aaaa = lookupRecords(ctx.dns, name, 'AAAA');
  if (!a.nameKnown && !aaaa.nameKnown) {
    throw new Stop('temperror', `the DNS snapshot holds no records for ${name} (${what}); its ${type} records are unknown`);
  }
  return [...a.records, ...aaaa.records].map((r) => parseIp(r.value)).filter((x): x is IpAddress => x !== null);
}

function cidrs(spec: string, term: string): { name: string | null; v4: number; v6: number } {
  const m = /^([^/]*)(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(spec);
  if (!m) throw new Stop('permerror', `malformed term "${term}"`);
  const v4 = m[2] === undefined ? 32 : Number(m[2]);
  const v6 = m[3] === undefined ? 128 : Number(m[3]);
  if (v4 > 32 || v6 > 128) throw new Stop('permerror', `bad prefix length in "${term}"`);
  return { name: m[1] || null, v4, v6 };
}

function spfRecords(ctx: Context, domain: string): { records: string[]; known: boolean } {
  const answer = lookupRecords(ctx.dns, domain, 'TXT');
  const records = answer.records.map((r) => r.value).filter((v) => /^v=spf1(?:\s|$)/i.test(v));
  return { records, known: answer.nameKnown };
}

/** check_host(): returns the result for `domain`, throwing Stop for errors that end the evaluation. */
function checkHost(ctx: Context, domain: string, depth: number): SpfEvaluation {
  const { records, known } = spfRecords(ctx, domain);
  if (records.length === 0) {
    return known
      ? { result: 'none', reason: `${domain} publishes no SPF record in the snapshot` }
      : { result: 'none', reason: `the DNS snapshot holds no records for ${domain}; its SPF policy is unknown` };
  }
  if (records.length > 1) throw new Stop('permerror', `${domain} publishes ${records.length} SPF records`);
  const record = records[0];
  const terms = record.split(/\s+/).slice(1).filter(Boolean);
  let redirect: string | null = null;

  for (const term of terms) {
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(term);
    if (modifier) {
      if (modifier[1].toLowerCase() === 'redirect') redirect = modifier[2];
      continue;
    }
    const m = /^([-+~?]?)([a-z0-9]+)(?::(.*)|(\/.*))?$/i.exec(term);
    if (!m) throw new Stop('permerror', `malformed term "${term}" in the SPF record of ${domain}`);
    const qualifier = QUALIFIERS[m[1] || '+'];
    const mechanism = m[2].toLowerCase();
    const arg = m[3] ?? m[4] ?? '';
    const hit = (why: string): SpfEvaluation => ({ result: qualifier, reason: `"${term}" in the SPF record of ${domain} matched: ${why}` });

    switch (mechanism) {
      case 'all':
        return hit(`${ctx.ip.text} is covered by "all"`);
      case 'ip4':
      case 'ip6': {
        const [net, prefix] = arg.split('/');
        const network = parseIp(net ?? '');
        const bits = prefix === undefined ? (mechanism === 'ip4' ? 32 : 128) : Number(prefix);
        if (!network || (network.version === 4) !== (mechanism === 'ip4') || !Number.isInteger(bits)) {
          throw new Stop('permerror', `malformed term "${term}" in the SPF record of ${domain}`);
        }
        if (ipInCidr(ctx.ip, network, bits)) return hit(`${ctx.ip.text} lies in ${arg}`);
        break;
      }
      case 'a': {
        countLookup(ctx, term);
        const spec = cidrs(arg, term);
        const target = normalizeDnsName(spec.name ? expand(spec.name, domain, ctx.ip) : domain);
        const matched = addressesOf(ctx, target, term).find((a) => ipInCidr(ctx.ip, a, a.version === 4 ? spec.v4 : spec.v6));
        if (matched) return hit(`${target} has address ${matched.text}`);
        break;
      }
      case 'mx': {
        countLookup(ctx, term);
        const spec = cidrs(arg, term);
        const target = normalizeDnsName(spec.name ? expand(spec.name, domain, ctx.ip) : domain);
        const mx = lookupRecords(ctx.dns, target, 'MX');
        if (!mx.nameKnown) throw new Stop('temperror', `the DNS snapshot holds no records for ${target}; its MX records are unknown ("${term}")`);
        for (const record of mx.records.slice(0, MX_TARGET_LIMIT)) {
          const host = normalizeDnsName(record.value.split(/\s+/)[1] ?? '');
          const matched = addressesOf(ctx, host, `MX host of ${target}`).find((a) => ipInCidr(ctx.ip, a, a.version === 4 ? spec.v4 : spec.v6));
          if (matched) return hit(`MX host ${host} has address ${matched.text}`);
        }
        break;
      }
      case 'include': {
        countLookup(ctx, term);
        if (!arg) throw new Stop('permerror', `"${term}" without a domain`);
        const target = normalizeDnsName(expand(arg, domain, ctx.ip));
        if (depth > SPF_LOOKUP_LIMIT) throw new Stop('permerror', `include loop at ${target}`);
        const inner = checkHost(ctx, target, depth + 1);
        if (inner.result === 'pass') return hit(`included ${target} passed (${inner.reason})`);
        if (inner.result === 'none') {
          const unknown = !spfRecords(ctx, target).known;
          throw new Stop(unknown ? 'temperror' : 'permerror', `"${term}": ${inner.reason}`);
        }
        break;
      }
      case 'exists': {
        countLookup(ctx, term);
        const target = normalizeDnsName(expand(arg, domain, ctx.ip));
        const a = lookupRecords(ctx.dns, target, 'A');
        if (!a.nameKnown) throw new Stop('temperror', `the DNS snapshot holds no records for ${target} ("${term}")`);
        if (a.records.length > 0) return hit(`${target} exists`);
        break;
      }
      case 'ptr': {
        countLookup(ctx, term);
        const rev = reverseName(ctx.ip);
        const ptr = lookupRecords(ctx.dns, rev, 'PTR');
        if (!ptr.nameKnown) throw new Stop('temperror', `the DNS snapshot holds no PTR record for ${rev} ("${term}")`);
        const target = normalizeDnsName(arg ? expand(arg, domain, ctx.ip) : domain);
        for (const record of ptr.records.slice(0, MX_TARGET_LIMIT)) {
          const host = normalizeDnsName(record.value);
          if (host !== target && !host.endsWith(`.${target}`)) continue;
          if (addressesOf(ctx, host, `PTR name ${host}`).some((a) => a.text === ctx.ip.text)) return hit(`validated PTR name ${host}`);
        }
        break;
      }
      default:
        throw new Stop('permerror', `unknown mechanism "${term}" in the SPF record of ${domain}`);
    }
  }

  if (redirect !== null) {
    countLookup(ctx, `redirect=${redirect}`);
    const target = normalizeDnsName(expand(redirect, domain, ctx.ip));
    if (depth > SPF_LOOKUP_LIMIT) throw new Stop('permerror', `redirect loop at ${target}`);
    const inner = checkHost(ctx, target, depth + 1);
    if (inner.result === 'none') {
      const unknown = !spfRecords(ctx, target).known;
      throw new Stop(unknown ? 'temperror' : 'permerror', `redirect=${target}: ${inner.reason}`);
    }
    return inner;
  }
  return { result: 'neutral', reason: `no mechanism of the SPF record of ${domain} matched ${ctx.ip.text} (default neutral)` };
}

export function evaluateSpf(ip: string, domain: string, dns: DnsSnapshot): SpfEvaluation {
  const address = parseIp(ip);
  if (!address) return { result: 'none', reason: `"${ip}" is not an IP address` };
  const name = normalizeDnsName(domain);
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(name)) return { result: 'none', reason: `"${domain}" is not a domain name` };
  try {
    return checkHost({ ip: address, lookups: 0, dns }, name, 0);
  } catch (err) {
    if (err instanceof Stop) return { result: err.result, reason: err.reason };
    return { result: 'temperror', reason: `evaluation failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
