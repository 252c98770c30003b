/**
 * hMailServer's two-column IP encoding (../shared/reference/hmailserver.md §2.4.4): IPv4 = one 32-bit value
 * with the second column NULL; IPv6 = high and low 64-bit halves written through a signed API, so
 * addresses from 8000::/1 up are stored negative and read back as unsigned.
 */
import ipaddr from 'ipaddr.js';

/** Columns are read as decimal text (CAST … AS TEXT) so 64-bit halves keep every digit. */
export function decodeIpAddress(part1: string | number | null, part2: string | number | null): string {
  if (part1 === null || part1 === '') return '';
  let high: bigint;
  try {
    high = BigInt(part1);
  } catch {
    return String(part1);
  }
  if (part2 === null || part2 === '') {
    if (high < 0n || high > 0xffffffffn) return String(part1);
    const n = Number(high);
    return new ipaddr.IPv4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
  }
  let low: bigint;
  try {
    low = BigInt(part2);
  } catch {
    return `${part1}/${part2}`;
  }
  const unsigned = (v: bigint) => (v < 0n ? v + (1n << 64n) : v) & ((1n << 64n) - 1n);
  const value = (unsigned(high) << 64n) | unsigned(low);
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  return new ipaddr.IPv6(groups).toRFC5952String();
}
