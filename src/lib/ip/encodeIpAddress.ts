/**
 * IP text → hMailServer's two-column encoding (../shared/reference/hmailserver.md §2.4.4), the inverse of
 * decodeIpAddress: for sources such as the backup XML that write addresses as text.
 */
import { parseIp } from './ipAddress.ts';

/** IPv4: the 32-bit value and null; IPv6: the high and low halves as signed 64-bit values. Null when not an address. */
export function encodeIpAddress(text: string): [bigint, bigint | null] | null {
  const ip = parseIp(text);
  if (!ip) return null;
  let value = 0n;
  for (const byte of ip.bytes) value = (value << 8n) | BigInt(byte);
  if (ip.version === 4) return [value, null];
  const mask = (1n << 64n) - 1n;
  return [BigInt.asIntN(64, value >> 64n), BigInt.asIntN(64, value & mask)];
}
