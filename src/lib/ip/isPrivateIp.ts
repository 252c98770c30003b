/**
 * Addresses that are not routable on the Internet: RFC 1918, loopback, link-local, CGNAT (RFC 6598),
 * unique-local IPv6, and IPv4-mapped IPv6 forms of those. Documentation ranges (192.0.2.0/24 …) are not
 * included: they stand for public hosts.
 */
import ipaddr from 'ipaddr.js';
import { parseIp } from './ipAddress.ts';

/** ipaddr.js range names; "unspecified" is 0.0.0.0/8 for IPv4 ("this network") but only :: for IPv6. */
const PRIVATE_V4 = new Set(['private', 'loopback', 'unspecified', 'linkLocal', 'carrierGradeNat']);
const PRIVATE_V6 = new Set(['loopback', 'linkLocal', 'uniqueLocal']);

const DOTTED_QUAD = /^\d+\.\d+\.\d+\.\d+$/;

/** Octets read as decimal even with leading zeros ("010.0.0.1" is 10.0.0.1), as a Received header means them. */
function dottedQuad(text: string): ipaddr.IPv4 | null {
  const octets = text.split('.').map(Number);
  return octets.every((o) => o <= 255) ? new ipaddr.IPv4(octets) : null;
}

export function isPrivateIp(ip: string | null | undefined): boolean {
  if (!ip) return false;
  const clean = ip.trim().replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '');
  if (DOTTED_QUAD.test(clean)) return PRIVATE_V4.has(dottedQuad(clean)?.range() ?? '');
  const address = parseIp(clean);
  if (address?.version !== 6) return false;
  const v6 = ipaddr.IPv6.parse(address.text);
  if (v6.isIPv4MappedAddress()) return PRIVATE_V4.has(v6.toIPv4Address().range());
  return PRIVATE_V6.has(v6.range());
}
