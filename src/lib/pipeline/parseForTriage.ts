/**
 * What a parser worker does for one message in a run: parse it and extract its indicators there, in
 * parallel, while the whole body is at hand, instead of once more over every message at the end.
 */
import { extractIocs } from '../mail/extractIocs.ts';
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
  return message;
}
