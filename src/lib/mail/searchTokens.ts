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
const MAX_TOKEN_CHARS = 64;
/** Distinct tokens kept per message: a message of random strings must not swell the index. */
const MAX_TOKENS_PER_MESSAGE = 50_000;

const EDGE = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Word characters by code unit below 128; above, Unicode letters and digits (decided once per code unit). */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0));
const JOINERS = new Set(['.', '@', '+', "'", '-'].map((c) => c.charCodeAt(0)));
const wideWord = new Map<number, boolean>();

function isWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  // Surrogate pairs: an astral letter's halves are both taken as word characters.
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let known = wideWord.get(c);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(text[i]);
    wideWord.set(c, known);
  }
  return known;
}

const cut = (token: string) => (token.length > MAX_TOKEN_CHARS ? token.slice(0, MAX_TOKEN_CHARS) : token);

/**
 * The tokens one message has given so far, by a hash of their code units: a body repeats its words many times,
 * and finding a repeat in place costs far less than cutting it out as a new string to look it up in the set.
 * The hash is cut to 30 bits, which V8 keeps as small integers: map keys beyond that were slower.
 */
class TokenSet {
  readonly tokens = new Set<string>();
  private readonly byHash = new Map<number, string[]>();
  /** The last token seen per low bits of its hash: most repeats are found here without a map lookup. */
  private readonly recent: (string | undefined)[] = new Array(1024);

  get size(): number {
    return this.tokens.size;
  }

  add(text: string, start: number, end: number, hash: number): void {
    const length = end - start;
    const slot = hash & 1023;
    const last = this.recent[slot];
    if (last !== undefined && sameAt(last, text, start, length)) return;
    const key = hash & 0x3fffffff;
    const known = this.byHash.get(key);
    if (known) {
      for (const k of known) {
        if (sameAt(k, text, start, length)) {
          this.recent[slot] = k;
          return;
        }
      }
    }
    const token = text.slice(start, end);
    if (known) known.push(token);
    else this.byHash.set(key, [token]);
    this.recent[slot] = token;
    this.tokens.add(cut(token));
  }
}

/** Whether `token` is the `length` code units of `text` at `start`: compared in place, nothing cut out. */
function sameAt(token: string, text: string, start: number, length: number): boolean {
  if (token.length !== length) return false;
  for (let k = 0; k < length; k++) if (token.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/**
 * Adds the runs of word characters of `text`, and where runs are joined by . @ + ' - the joined run too
 * ("mail.example.com" gives mail, example, com and mail.example.com). A scan by code unit: a Unicode
 * regex over every body cost more than parsing the message, and so did cutting out every word: a word is
 * only cut out the first time it is seen.
 */
function addText(into: TokenSet, text: string): void {
  if (into.size >= MAX_TOKENS_PER_MESSAGE || !text) return;
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWord(lower, i)) i++;
    if (i >= n) break;
    const runStart = i;
    let runHash = 0;
    let joined = false;
    for (;;) {
      const wordStart = i;
      let wordHash = 0;
      for (; i < n && isWord(lower, i); i++) {
        const c = lower.charCodeAt(i);
        wordHash = (Math.imul(wordHash, 31) + c) | 0;
        runHash = (Math.imul(runHash, 31) + c) | 0;
      }
      into.add(lower, wordStart, i, wordHash);
      if (i + 1 < n && JOINERS.has(lower.charCodeAt(i)) && isWord(lower, i + 1)) {
        runHash = (Math.imul(runHash, 31) + lower.charCodeAt(i)) | 0;
        joined = true;
        i++;
        continue;
      }
      break;
    }
    if (joined) into.add(lower, runStart, i, runHash);
    if (into.size >= MAX_TOKENS_PER_MESSAGE) return;
  }
}

/** Every searchable field of a parsed message: headers (Received hosts and IPs included), addresses, body, attachments, indicators. */
export function messageSearchTokens(m: SearchableMessage): string[] {
  const tokens = new TokenSet();
  addText(tokens, m.path);
  addText(tokens, m.subject);
  for (const a of [m.from, m.sender, ...m.replyTo, ...m.to, ...m.cc, ...m.bcc]) {
    if (a) addText(tokens, `${a.name} ${a.address}`);
  }
  for (const h of m.headers) addText(tokens, `${h.name} ${h.value}`);
  for (const a of m.attachments) addText(tokens, `${a.filename} ${a.contentType} ${a.detectedType} ${(a.archiveEntries ?? []).join(' ')}`);
  for (const ioc of m.iocs ?? []) addText(tokens, ioc.value);
  addText(tokens, m.text);
  return [...tokens.tokens];
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
