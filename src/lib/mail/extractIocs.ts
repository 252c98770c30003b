/**
 * Indicators of one message: sender-side addresses and domains, Received hosts and IPs, URLs / addresses /
 * IPv4s in the text body (defanged hxxp, [.], [at] read back to their real value), the URLs of the HTML
 * body (links, images, form actions, CSS; htmlUrls.ts) and attachment hashes.
 * Bounded, de-duplicated, in order of appearance.
 */
import type { ParsedMessage } from '../model/message.ts';
import { parseIp } from '../ip/ipAddress.ts';

type IocKind = 'url' | 'domain' | 'ip' | 'email' | 'attachment-sha256';
export interface Ioc { kind: IocKind; value: string }

/** Indicators kept per message: a spam body with 100,000 links must not flood the case table. */
export const MAX_IOCS_PER_MESSAGE = 1000;
/** Longest URL kept; longer ones are tracking blobs and are cut. */
const MAX_URL_CHARS = 2048;

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^\u0000-\u001f]+/gi;
/**
 * Addresses in text are matched as /[a-z0-9][a-z0-9._%+-]{0,63}@DOMAIN/gi would match them, but from each
 * '@' outwards: that regex is tried at every position of the body, and bodies rarely hold an '@'.
 */
const EMAIL_DOMAIN_RE = /(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b/iy;
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/g;

/** Whether any defanged spelling refang reads can occur: one scan, where the five replacements are five. */
const DEFANGED = /\[(?:[:.@]|dot|at)\]|\((?:[.@]|dot|at)\)|\{\.\}|h(?:xx|\*\*)p|fxp:/i;

/** Reads defanged notation back: hxxp(s), [:], [.], (.), [dot], [@], [at]. */
function refang(text: string): string {
  if (!DEFANGED.test(text)) return text;
  return text
    .replace(/\bh(?:xx|\*\*|XX)p(s?)(\[:\]|:)\/\//gi, 'http$1://')
    .replace(/\bfxp:\/\//gi, 'ftp://')
    .replace(/\[:\]/g, ':')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[@\]|\(@\)|\[at\]|\(at\)/gi, '@');
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isLocalPart(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

/**
 * Each match, in order, as the global regex gives them: for an '@' whose domain matches, the match starts
 * at the leftmost alphanumeric of the local-part run before it, at most 64 characters back and not
 * before the end of the previous match.
 */
export function* emailsInText(text: string): Generator<string> {
  let searchFrom = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    EMAIL_DOMAIN_RE.lastIndex = at + 1;
    if (!EMAIL_DOMAIN_RE.test(text)) continue;
    const floor = Math.max(searchFrom, at - 64);
    let start = at;
    while (start > floor && isLocalPart(text.charCodeAt(start - 1))) start--;
    while (start < at && !isAlnum(text.charCodeAt(start))) start++;
    if (start === at) continue;
    searchFrom = EMAIL_DOMAIN_RE.lastIndex;
    yield text.slice(start, searchFrom);
  }
}

function usefulIp(text: string): string | null {
  const ip = parseIp(text);
  if (!ip) return null;
  if (ip.version === 4 && (ip.bytes[0] === 127 || ip.bytes[0] === 0)) return null;
  if (ip.version === 6 && (ip.text === '::1' || ip.text === '::')) return null;
  return ip.text;
}

function hostOf(url: string): string | null {
  const m = /^[a-z]+:\/\/(?:[^/?#@]*@)?(\[[^\]]+\]|[^/?#:]+)/i.exec(url);
  return m ? m[1].toLowerCase().replace(/\.$/, '') : null;
}

function looksLikeDomain(host: string): boolean {
  return /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i.test(host);
}

export function extractIocs(message: ParsedMessage): Ioc[] {
  const out: Ioc[] = [];
  const seen = new Set<string>();
  const add = (kind: IocKind, value: string | null | undefined) => {
    if (!value || out.length >= MAX_IOCS_PER_MESSAGE) return;
    const key = `${kind}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, value });
  };
  const addEmail = (address: string | null | undefined) => {
    const a = address?.trim().toLowerCase();
    if (!a || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a)) return;
    add('email', a);
    const domain = a.slice(a.lastIndexOf('@') + 1);
    if (looksLikeDomain(domain)) add('domain', domain);
  };
  const addHost = (host: string | null | undefined) => {
    if (!host) return;
    const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
    const ip = usefulIp(h.replace(/^ipv6:/, ''));
    if (ip) add('ip', ip);
    else if (looksLikeDomain(h)) add('domain', h);
  };

  addEmail(message.from?.address);
  addEmail(message.sender?.address);
  for (const r of message.replyTo) addEmail(r.address);
  addEmail(message.returnPath);
  for (const hop of message.received) {
    if (hop.ip) add('ip', usefulIp(hop.ip));
    addHost(hop.from);
    addHost(hop.fromPtr);
  }

  const text = refang(message.text);
  for (const m of text.matchAll(URL_RE)) {
    if (out.length >= MAX_IOCS_PER_MESSAGE) break;
    const url = m[0].replace(/[.,;:!?'")\]>]+$/, '').slice(0, MAX_URL_CHARS);
    add('url', url);
    addHost(hostOf(url));
  }
  for (const url of message.htmlUrls ?? []) {
    if (out.length >= MAX_IOCS_PER_MESSAGE) break;
    add('url', url.slice(0, MAX_URL_CHARS));
    addHost(hostOf(url));
  }
  for (const email of emailsInText(text)) {
    if (out.length >= MAX_IOCS_PER_MESSAGE) break;
    addEmail(email);
  }
  for (const m of text.matchAll(IPV4_RE)) {
    if (out.length >= MAX_IOCS_PER_MESSAGE) break;
    add('ip', usefulIp(m[0]));
  }
  for (const a of message.attachments) add('attachment-sha256', a.sha256);
  return out;
}
