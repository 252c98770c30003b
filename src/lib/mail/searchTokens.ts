/**
 * What full-text search matches on: lower-cased words, and the dotted or @-joined runs they form
 * (addresses, host names, IP addresses, `x-mailer`), so that "192.0.2.7" or "alice@example.com" is one term.
 * Messages and queries are split by the same rule; a query term matches every token that contains it.
 */
import type { AttachmentInfo, ParsedMessage } from '../model/message.ts';

/** The fields search reads: a parsed message, or what a reopened case file still holds of one. */
export type SearchableMessage = Pick<ParsedMessage, 'path' | 'subject' | 'from' | 'sender' | 'replyTo' | 'to' | 'cc' | 'bcc' | 'headers' | 'text'> & {
  attachments: Pick<AttachmentInfo, 'filename' | 'contentType' | 'detectedType' | 'archiveEntries'>[];
  iocs?: ParsedMessage['iocs'];
};

/** Longer tokens (base64 runs, hashes in URLs) are cut: a term is compared with their beginning. */
export const MAX_TOKEN_CHARS = 64;
/** Distinct tokens kept per message: a message of random strings must not swell the index. */
export const MAX_TOKENS_PER_MESSAGE = 50_000;

const RUN = /[\p{L}\p{N}_]+(?:[.@+'-][\p{L}\p{N}_]+)*/gu;
const WORD = /[\p{L}\p{N}_]+/gu;
const JOINER = /[.@+'-]/;
const EDGE = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;

function addText(into: Set<string>, text: string): void {
  if (into.size >= MAX_TOKENS_PER_MESSAGE || !text) return;
  for (const match of text.toLowerCase().matchAll(RUN)) {
    const run = match[0];
    into.add(run.length > MAX_TOKEN_CHARS ? run.slice(0, MAX_TOKEN_CHARS) : run);
    if (JOINER.test(run)) {
      for (const word of run.matchAll(WORD)) into.add(word[0].length > MAX_TOKEN_CHARS ? word[0].slice(0, MAX_TOKEN_CHARS) : word[0]);
    }
    if (into.size >= MAX_TOKENS_PER_MESSAGE) return;
  }
}

/** Every searchable field of a parsed message: headers (Received hosts and IPs included), addresses, body, attachments, indicators. */
export function messageSearchTokens(m: SearchableMessage): string[] {
  const tokens = new Set<string>();
  addText(tokens, m.path);
  addText(tokens, m.subject);
  for (const a of [m.from, m.sender, ...m.replyTo, ...m.to, ...m.cc, ...m.bcc]) {
    if (a) addText(tokens, `${a.name} ${a.address}`);
  }
  for (const h of m.headers) addText(tokens, `${h.name} ${h.value}`);
  for (const a of m.attachments) addText(tokens, `${a.filename} ${a.contentType} ${a.detectedType} ${(a.archiveEntries ?? []).join(' ')}`);
  for (const ioc of m.iocs ?? []) addText(tokens, ioc.value);
  addText(tokens, m.text);
  return [...tokens];
}

/** The words of a query, each reduced as message text is; empty when nothing searchable remains. */
export function searchTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const raw of query.toLowerCase().split(/\s+/)) {
    const term = raw.replace(EDGE, '');
    if (term) terms.add(term.length > MAX_TOKEN_CHARS ? term.slice(0, MAX_TOKEN_CHARS) : term);
  }
  return [...terms];
}
