/** A structured MIME header value (Content-Type, Content-Disposition) → main value and parameters, RFC 2045/2231. */
import { decodeWords } from 'postal-mime';
import { decodeText } from './decodeText.ts';

export interface HeaderParams {
  /** Lower-cased main value, e.g. "multipart/mixed" or "attachment"; '' when absent. */
  value: string;
  /** Lower-cased parameter names → decoded values (RFC 2231 continuations joined, encoded words decoded). */
  params: Record<string, string>;
}

function percentDecode(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i) & 0xff);
    }
  }
  return decodeText(new Uint8Array(bytes), charset || null);
}

export function parseHeaderParams(header: string): HeaderParams {
  const raw: [string, string][] = [];
  let i = 0;
  const n = header.length;
  const readValue = (): string => {
    while (i < n && /\s/.test(header[i])) i++;
    if (header[i] === '"') {
      let out = '';
      for (i++; i < n && header[i] !== '"'; i++) {
        if (header[i] === '\\' && i + 1 < n) i++;
        out += header[i];
      }
      i++;
      while (i < n && header[i] !== ';') i++;
      return out;
    }
    const start = i;
    while (i < n && header[i] !== ';') i++;
    return header.slice(start, i).trim();
  };
  const main = header.slice(0, (header.indexOf(';') + 1 || n + 1) - 1).trim().toLowerCase().replace(/\s+/g, '');
  i = header.indexOf(';');
  if (i < 0) return { value: main, params: {} };
  while (i < n) {
    i++;
    const eq = header.indexOf('=', i);
    const semi = header.indexOf(';', i);
    if (eq < 0 || (semi >= 0 && semi < eq)) {
      if (semi < 0) break;
      i = semi;
      continue;
    }
    const name = header.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    const value = readValue();
    if (name) raw.push([name, value]);
  }

  const params: Record<string, string> = {};
  const continued = new Map<string, { parts: Map<number, string>; encoded: boolean }>();
  for (const [name, value] of raw) {
    const m = /^([^*]+)\*(?:(\d+)(\*)?)?$/.exec(name);
    if (!m) {
      if (!(name in params)) params[name] = decodeWords(value);
      continue;
    }
    const key = m[1];
    const entry = continued.get(key) ?? { parts: new Map<number, string>(), encoded: false };
    const index = m[2] === undefined ? 0 : Number(m[2]);
    if (m[2] === undefined || (index === 0 && m[3])) entry.encoded = true;
    entry.parts.set(index, value);
    continued.set(key, entry);
  }
  for (const [key, entry] of continued) {
    const joined = [...entry.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v).join('');
    if (entry.encoded) {
      const m = /^([^']*)'[^']*'(.*)$/s.exec(joined);
      params[key] = m ? percentDecode(m[2], m[1]) : percentDecode(joined, '');
    } else {
      params[key] = decodeWords(joined);
    }
  }
  return { value: main, params };
}
