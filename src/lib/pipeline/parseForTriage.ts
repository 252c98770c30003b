/**
 * What a parser worker does for one message in a run: parse it, and extract its indicators and the digest
 * of its body there, in parallel, while the whole body is at hand.
 */
import { extractIocs } from '../mail/extractIocs.ts';
import { sha256Hex } from '../mail/sha256Hex.ts';
import { parseMessage } from '../mail/parseMessage.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { ParsedMessage } from '../model/message.ts';

export async function parseForTriage(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  dns: DnsSnapshot | null,
): Promise<ParsedMessage> {
  const message = await parseMessage(bytes, path, hashes, dns);
  message.iocs = extractIocs(message);
  message.textDigest = await sha256Hex(new TextEncoder().encode(message.text));
  return message;
}
