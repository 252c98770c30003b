/**
 * IPv4/IPv6 text → bytes, canonical text and CIDR matching (for SPF, Received hops, IOCs and the backup XML),
 * on ipaddr.js. Only strict spellings count as addresses: four decimal octets without leading zeros (never the
 * octal, hex or short forms ipaddr.js also reads), and IPv6 with an optional zone, which is dropped.
 */
import ipaddr from 'ipaddr.js';

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
  /** Dotted quad, or RFC 5952 compressed lower-case IPv6. */
  text: string;
}

/** An IPv6 address that ends in a dotted quad ("::ffff:192.0.2.1", "64:ff9b::192.0.2.1"). */
const DOTTED_TAIL = /:(\d+\.\d+\.\d+\.\d+)$/;
/**
 * The spellings each family can have, tested before ipaddr.js is asked: Received headers and message text hand
 * every word here, and ipaddr.js tries several patterns on each, which cost seconds over a large case.
 */
const FOUR_DECIMAL_OCTETS = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const IPV6_CHARACTERS = /^[0-9a-f:.]+$/i;

function parseV4(text: string): ipaddr.IPv4 | null {
  return FOUR_DECIMAL_OCTETS.test(text) && ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

function parseV6(text: string): ipaddr.IPv6 | null {
  let s = text.replace(/%.*$/, '');
  if (!IPV6_CHARACTERS.test(s)) return null;
  const tail = DOTTED_TAIL.exec(s);
  if (tail) {
    const v4 = parseV4(tail[1]);
    if (!v4) return null;
    // Written as two hex groups: ipaddr.js would read "::192.0.2.1" as the mapped "::ffff:192.0.2.1".
    const [a, b, c, d] = v4.octets;
    s = `${s.slice(0, tail.index + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  return ipaddr.IPv6.isValid(s) ? ipaddr.IPv6.parse(s) : null;
}

export function parseIp(text: string): IpAddress | null {
  const t = text.trim();
  if (t.includes(':')) {
    const v6 = parseV6(t);
    return v6 ? { version: 6, bytes: Uint8Array.from(v6.toByteArray()), text: v6.toRFC5952String() } : null;
  }
  const v4 = parseV4(t);
  return v4 ? { version: 4, bytes: Uint8Array.from(v4.octets), text: v4.toString() } : null;
}

/** Whether `ip` lies in `network/prefix` (same family only; a prefix beyond the family's width is clamped). */
export function ipInCidr(ip: IpAddress, network: IpAddress, prefix: number): boolean {
  if (ip.version !== network.version) return false;
  const bits = Math.max(0, Math.min(prefix, ip.bytes.length * 8));
  return ipaddr.fromByteArray([...ip.bytes]).match(ipaddr.fromByteArray([...network.bytes]), bits);
}
