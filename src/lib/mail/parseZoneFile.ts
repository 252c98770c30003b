/**
 * A DNS snapshot in zone-file syntax (RFC 1035 §5 as BIND writes it): $ORIGIN, $TTL, relative names,
 * @, omitted owners, TTL/class in either order, multi-string TXT joined, parentheses across lines,
 * comments. Problems are reported by line; a bad record never stops the rest.
 */
import type { DnsRecord, DnsSnapshot } from '../model/dnsSnapshot.ts';
import { parseIp } from '../ip/ipAddress.ts';

/** Records kept per snapshot: a pasted full zone dump must not exhaust memory. */
const MAX_ZONE_RECORDS = 200_000;

interface Token { text: string; quoted: boolean }
interface Entry { line: number; ownerGiven: boolean; tokens: Token[] }

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'ANY']);
const NAME_TARGET_TYPES = new Set(['CNAME', 'NS', 'PTR', 'DNAME']);

function unescape(text: string): string {
  return text.replace(/\\(\d{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e));
}

/** Splits the text into logical entries (parentheses joined) with the line each starts on. */
function tokenize(text: string, problems: DnsSnapshot['problems']): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | null = null;
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let i = 0;
  const start = (ownerGiven: boolean) => {
    if (!entry) entry = { line, ownerGiven, tokens: [] };
    return entry;
  };
  const finish = () => {
    if (entry && entry.tokens.length > 0) entries.push(entry);
    entry = null;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      if (depth === 0) finish();
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      if (atLineStart && depth === 0) start(false);
      atLineStart = false;
      i++;
      continue;
    }
    const lineStart = atLineStart;
    atLineStart = false;
    if (c === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '(') { start(lineStart); depth++; i++; continue; }
    if (c === ')') {
      if (depth === 0) problems.push({ line, reason: 'unbalanced ")"' });
      else depth--;
      i++;
      continue;
    }
    const e = start(lineStart);
    if (c === '"') {
      let j = i + 1;
      let out = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const esc = /^\d{3}/.exec(text.slice(j + 1, j + 4));
          out += esc ? String.fromCharCode(Number(esc[0])) : text[j + 1];
          j += esc ? 3 : 1;
        } else {
          if (text[j] === '\n') line++;
          out += text[j];
        }
      }
      if (j >= text.length) problems.push({ line: e.line, reason: 'unterminated quoted string' });
      e.tokens.push({ text: out, quoted: true });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s;()"]/.test(text[j])) j += text[j] === '\\' ? 2 : 1;
    e.tokens.push({ text: unescape(text.slice(i, j)), quoted: false });
    i = j;
  }
  if (depth > 0) problems.push({ line, reason: 'unclosed "(" at end of file' });
  finish();
  return entries;
}

function parseTtl(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:\d+[smhdw])+$/i.exec(text);
  if (!m) return null;
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  for (const part of text.toLowerCase().matchAll(/(\d+)([smhdw])/g)) total += Number(part[1]) * unit[part[2]];
  return total;
}

export function parseZoneFile(text: string, path: string): DnsSnapshot {
  const problems: DnsSnapshot['problems'] = [];
  const records: DnsRecord[] = [];
  let origin: string | null = null;
  let defaultTtl: number | null = null;
  /** Without $TTL, an omitted TTL is the last one written (RFC 1035 §5.1). */
  let lastTtl: number | null = null;
  let lastOwner: string | null = null;

  const absolute = (name: string, line: number): string | null => {
    if (name === '@') {
      if (origin === null) problems.push({ line, reason: '"@" used before any $ORIGIN' });
      return origin;
    }
    if (name.endsWith('.')) return name.slice(0, -1).toLowerCase();
    if (origin === null) {
      problems.push({ line, reason: `relative name "${name}" without $ORIGIN; taken as absolute` });
      return name.toLowerCase();
    }
    return origin === '' ? name.toLowerCase() : `${name}.${origin}`.toLowerCase();
  };

  for (const entry of tokenize(text.replace(/^\ufeff/, ''), problems)) {
    const tokens = [...entry.tokens];
    const first = tokens[0];
    if (!first.quoted && first.text.startsWith('$') && entry.ownerGiven) {
      const directive = first.text.toUpperCase();
      if (directive === '$ORIGIN') {
        const o = tokens[1]?.text;
        if (!o) problems.push({ line: entry.line, reason: '$ORIGIN without a name' });
        else origin = o === '.' ? '' : absolute(o.endsWith('.') ? o : `${o}.`, entry.line);
      } else if (directive === '$TTL') {
        const ttl = tokens[1] ? parseTtl(tokens[1].text) : null;
        if (ttl === null) problems.push({ line: entry.line, reason: `$TTL "${tokens[1]?.text ?? ''}" is not a TTL` });
        else defaultTtl = ttl;
      } else {
        problems.push({ line: entry.line, reason: `${directive} is not supported; line ignored` });
      }
      continue;
    }

    let owner: string | null;
    if (entry.ownerGiven) {
      owner = absolute(tokens.shift()!.text, entry.line);
      lastOwner = owner;
    } else {
      owner = lastOwner;
      if (owner === null) {
        problems.push({ line: entry.line, reason: 'record without an owner name and no previous owner' });
        continue;
      }
    }
    if (owner === null) continue;

    let ttl: number | null = null;
    for (let k = 0; k < 2 && tokens.length > 0; k++) {
      const t = tokens[0].text;
      if (ttl === null && !tokens[0].quoted && parseTtl(t) !== null) { ttl = parseTtl(t); tokens.shift(); }
      else if (!tokens[0].quoted && CLASSES.has(t.toUpperCase())) tokens.shift();
    }
    const typeToken = tokens.shift();
    if (!typeToken || typeToken.quoted || !/^[A-Za-z][A-Za-z0-9-]*$/.test(typeToken.text)) {
      problems.push({ line: entry.line, reason: `no record type for ${owner}` });
      continue;
    }
    const type = typeToken.text.toUpperCase();
    if (tokens.length === 0) {
      problems.push({ line: entry.line, reason: `${type} record of ${owner} has no data` });
      continue;
    }
    let value: string;
    if (type === 'TXT' || type === 'SPF') {
      value = tokens.map((t) => t.text).join('');
    } else if (type === 'MX') {
      const target = tokens[1] ? absolute(tokens[1].text, entry.line) : null;
      if (!/^\d+$/.test(tokens[0].text) || !target) {
        problems.push({ line: entry.line, reason: `MX record of ${owner} needs a preference and a host` });
        continue;
      }
      value = `${Number(tokens[0].text)} ${target}`;
    } else if (NAME_TARGET_TYPES.has(type)) {
      const target = absolute(tokens[0].text, entry.line);
      if (!target) continue;
      value = target;
    } else if (type === 'A' || type === 'AAAA') {
      const ip = parseIp(tokens[0].text);
      if (!ip || (ip.version === 4) !== (type === 'A')) {
        problems.push({ line: entry.line, reason: `"${tokens[0].text}" is not an ${type === 'A' ? 'IPv4' : 'IPv6'} address` });
        continue;
      }
      value = ip.text;
    } else {
      value = tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ');
    }
    if (ttl !== null) lastTtl = ttl;
    if (records.length >= MAX_ZONE_RECORDS) {
      problems.push({ line: entry.line, reason: `more than ${MAX_ZONE_RECORDS} records; the rest were ignored` });
      break;
    }
    records.push({ name: owner, type, ttl: ttl ?? defaultTtl ?? lastTtl, value });
  }
  problems.sort((a, b) => a.line - b.line);
  return { path, records, problems };
}
