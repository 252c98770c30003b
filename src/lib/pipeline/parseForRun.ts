/**
 * A message parsed for a run, in a parser worker: the parse, its indicators, the digest of its whole body
 * (so comparisons still see the whole body after it is cut), the search tokens of the whole message, and
 * the body cut to its beginning, so the whole body never crosses a worker. `reference` has postal-mime
 * decode every body (a slow reference run).
 */
import { extractIocs } from '../mail/extractIocs.ts';
import { parseMessage, parseMessageReference } from '../mail/parseMessage.ts';
import { messageSearchTokens } from '../mail/searchTokens.ts';
import { sha256Hex } from '../ingest/digestBytes.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { ParsedMessage } from '../model/message.ts';
import { RETAINED_TEXT_CHARS } from './messageLimits.ts';

export interface ParsedForRun {
  message: ParsedMessage;
  tokens: string[];
}

export async function parseForRun(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  dns: DnsSnapshot | null,
  reference = false,
): Promise<ParsedForRun> {
  const message = await (reference ? parseMessageReference : parseMessage)(bytes, path, hashes, dns);
  message.iocs = extractIocs(message);
  // Its URLs are indicators now; the run keeps no more of the HTML body than the text body.
  delete message.htmlUrls;
  message.textDigest = await sha256Hex(new TextEncoder().encode(message.text));
  const tokens = messageSearchTokens(message);
  if (message.text.length > RETAINED_TEXT_CHARS) message.text = message.text.slice(0, RETAINED_TEXT_CHARS);
  return { message, tokens };
}
