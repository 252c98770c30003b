/**
 * A message parsed for a run, in a parser worker: the parse (with indicators and body digest), the search
 * tokens of the whole message, and the body cut to its beginning, so the whole body never crosses a worker.
 */
import { messageSearchTokens } from '../mail/searchTokens.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { ParsedMessage } from '../model/message.ts';
import { RETAINED_TEXT_CHARS } from './messageLimits.ts';
import { parseForTriage } from './parseForTriage.ts';

export interface ParsedForRun {
  message: ParsedMessage;
  tokens: string[];
}

export async function parseForRun(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  dns: DnsSnapshot | null,
): Promise<ParsedForRun> {
  const message = await parseForTriage(bytes, path, hashes, dns);
  const tokens = messageSearchTokens(message);
  if (message.text.length > RETAINED_TEXT_CHARS) message.text = message.text.slice(0, RETAINED_TEXT_CHARS);
  return { message, tokens };
}
