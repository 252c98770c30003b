/**
 * Addresses that are not routable on the Internet: RFC 1918, loopback, link-local, CGNAT (RFC 6598),
 * unique-local IPv6. Documentation ranges (192.0.2.0/24 …) are not included: they stand for public hosts.
 */

function ipv4Private(ip: string): boolean {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false;
  const [a, b] = parts;
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

export function isPrivateIp(ip: string | null | undefined): boolean {
  if (!ip) return false;
  const clean = ip.trim().replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '').toLowerCase();
  if (/^\d+\.\d+\.\d+\.\d+$/.test(clean)) return ipv4Private(clean);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(clean);
  if (mapped) return ipv4Private(mapped[1]);
  if (clean === '::1') return true;
  return /^f[cd][0-9a-f]{0,2}:/.test(clean) || /^fe[89ab][0-9a-f]?:/.test(clean);
}
