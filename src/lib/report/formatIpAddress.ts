/**
 * hMailServer's two-column IP values as text for the views and reports (hmailserver.md §2.4.4); the page may
 * value-import only report formatters, so this is its door to the database decoder.
 */
import { decodeIpAddress } from '../database/decodeIpAddress.ts';

/** part1/part2 as decimal text (CAST … AS TEXT) keep every digit of a 64-bit IPv6 half. */
export function formatIpAddress(part1: string | number | null, part2: string | number | null): string {
  return decodeIpAddress(part1, part2);
}
