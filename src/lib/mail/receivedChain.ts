/** One Received: header → its clauses (from, PTR, IP, by, with, id, for) and the stamp after the last ';'. */
import type { ReceivedHop } from '../model/message.ts';
import { parseIp } from '../ip/ipAddress.ts';
import { parseMailDate } from './parseMailDate.ts';

type Token = { kind: 'word' | 'comment'; text: string };

const KEYWORDS = new Set(['from', 'by', 'via', 'with', 'id', 'for']);
/** Received values longer than this are cut before tokenising (a hostile header must stay cheap). */
const MAX_RECEIVED_CHARS = 8192;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      tokens.push({ kind: 'comment', text: text.slice(i + 1, j) });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s(]/.test(text[j])) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function bracketedIp(text: string): string | null {
  for (const m of text.matchAll(/\[(?:ipv6:)?([0-9a-f:.]+)\]/gi)) {
    const ip = parseIp(m[1]);
    if (ip) return ip.text;
  }
  return null;
}

function bareIp(text: string): string | null {
  for (const word of text.split(/[\s,;=]+/)) {
    const ip = parseIp(word.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, ''));
    if (ip) return ip.text;
  }
  return null;
}

/** A host name in the comment after `from`: `(ptr [ip])`, `(user@ptr [ip])`, `(HELO x)` is not one. */
function ptrFrom(comment: string): string | null {
  for (const raw of comment.split(/\s+/)) {
    if (!raw || raw.startsWith('[') || /^(helo|ehlo)=?$/i.test(raw) || /=/.test(raw)) continue;
    const host = raw.replace(/^.*@/, '').replace(/\.$/, '').replace(/[,;]$/, '');
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) && !parseIp(host)) return host.toLowerCase();
  }
  return null;
}

function stripAngles(text: string): string {
  return text.replace(/^<|>;?$/g, '').replace(/;$/, '');
}

export function parseReceived(value: string): ReceivedHop {
  const raw = value;
  const text = value.length > MAX_RECEIVED_CHARS ? value.slice(0, MAX_RECEIVED_CHARS) : value;
  const semi = text.lastIndexOf(';');
  const clauses = semi >= 0 ? text.slice(0, semi) : text;
  const stamp = semi >= 0 ? parseMailDate(text.slice(semi + 1)) : null;

  const hop: ReceivedHop = {
    raw, from: null, fromPtr: null, ip: null, by: null, with: null, id: null, for: null,
    time: stamp?.iso ?? null, offsetMinutes: stamp?.offsetMinutes ?? null,
  };

  const tokens = tokenize(clauses);
  let clause: string | null = null;
  const fromComments: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'comment') {
      if (clause === 'from') fromComments.push(t.text);
      continue;
    }
    const key = t.text.toLowerCase();
    const next = tokens[i + 1];
    if (KEYWORDS.has(key) && next?.kind === 'word' && !KEYWORDS.has(next.text.toLowerCase())) {
      clause = key;
      i++;
      const v = next.text;
      if (key === 'from') hop.from = v;
      else if (key === 'by') hop.by = v;
      else if (key === 'with') hop.with = v;
      else if (key === 'id') hop.id = stripAngles(v);
      else if (key === 'for') hop.for = stripAngles(v);
    } else if (KEYWORDS.has(key)) {
      clause = key;
    }
  }

  if (hop.from !== null || fromComments.length > 0) {
    const comments = fromComments.join(' ');
    hop.ip = bracketedIp(comments) ?? bareIp(comments) ?? (hop.from ? bracketedIp(hop.from) ?? bareIp(hop.from) : null);
    hop.fromPtr = ptrFrom(comments);
  }
  return hop;
}
