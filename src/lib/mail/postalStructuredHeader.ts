/**
 * postal-mime's reading of a structured MIME header (Content-Type, Content-Disposition): comments
 * stripped, the lower-cased value, parameters with the first occurrence winning, RFC 2231 sections
 * joined. Reproduced step for step from postal-mime 4 (mime-node.ts, decode-strings.ts), which does not
 * export it, because the fast path must split and name parts exactly as postal-mime does. headerParams.ts
 * is the project's own reading for the MIME tree view; the two differ on malformed input.
 */
import { postalCharset } from './postalCharset.ts';

export interface StructuredHeader {
  value: string;
  params: Record<string, string>;
}

/** RFC 822 comments removed; a `(` inside a parameter value only opens a comment after whitespace. */
export function stripComments(str: string): string {
  let result = '';
  let depth = 0;
  let escaped = false;
  let inQuote = false;
  let commentStart = -1;
  let inParameterValue = false;
  let endsWithWsp = false;
  const append = (c: string): void => {
    result += c;
    endsWithWsp = c === ' ' || c === '\t';
  };
  const opensComment = (): boolean => !inParameterValue || !result.length || endsWithWsp;

  for (let i = 0; i < str.length; i++) {
    const chr = str.charAt(i);
    if (escaped) {
      if (depth === 0) append(chr);
      escaped = false;
      continue;
    }
    if (chr === '\\') {
      escaped = true;
      if (depth === 0) append(chr);
      continue;
    }
    if (chr === '"' && depth === 0) {
      inQuote = !inQuote;
      append(chr);
      continue;
    }
    if (!inQuote) {
      if (chr === '(' && opensComment()) {
        if (depth === 0) commentStart = i;
        depth++;
        continue;
      }
      if (chr === ')' && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0) {
        if (chr === '=') inParameterValue = true;
        else if (chr === ';') inParameterValue = false;
      }
    }
    if (depth === 0) append(chr);
  }
  if (depth === 0) return result;
  // An unbalanced `(` only swallows the text after it when no parameter follows.
  return str.indexOf(';', commentStart) < 0 ? result : str;
}

function hexNibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const encoder = new TextEncoder();

function percentDecode(encoded: string, charset: string | null): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded.charAt(i);
    const high = c === '%' ? hexNibble(encoded.charCodeAt(i + 1)) : -1;
    const low = high >= 0 ? hexNibble(encoded.charCodeAt(i + 2)) : -1;
    if (low >= 0) {
      bytes.push((high << 4) | low);
      i += 2;
    } else if (c.charCodeAt(0) > 126) {
      for (const b of encoder.encode(c)) bytes.push(b);
    } else {
      bytes.push(c.charCodeAt(0));
    }
  }
  return postalCharset(charset || 'utf-8').decode(new Uint8Array(bytes));
}

interface Section { nr: number; value: string; encoded: boolean }

/** RFC 2231: `name*0*=utf-8''a%20b; name*1=c` → `name`; only sections named with a trailing `*` are percent-decoded. */
function joinContinuations(header: StructuredHeader): void {
  const keys = new Map<string, { charset: string | null; values: Section[] }>();
  for (const key of Object.keys(header.params)) {
    let match = key.match(/\*((\d+)\*?)?$/);
    if (!match) continue;
    const actualKey = key.slice(0, match.index).toLowerCase();
    const nr = Number(match[2]) || 0;
    let param = keys.get(actualKey);
    if (!param) {
      param = { charset: null, values: [] };
      keys.set(actualKey, param);
    }
    let value = header.params[key];
    const encoded = match[0].charAt(match[0].length - 1) === '*';
    if (nr === 0 && encoded && (match = value.match(/^([^']*)'[^']*'(.*)$/))) {
      param.charset = match[1] || 'utf-8';
      value = match[2];
    }
    param.values.push({ nr, value, encoded });
    delete header.params[key];
  }
  keys.forEach((param, key) => {
    let result = '';
    let pending = '';
    for (const part of param.values.sort((a, b) => a.nr - b.nr)) {
      if (part.encoded) {
        pending += part.value;
        continue;
      }
      if (pending) {
        result += percentDecode(pending, param.charset);
        pending = '';
      }
      result += part.value;
    }
    if (pending) result += percentDecode(pending, param.charset);
    header.params[key] = result;
  });
}

export function parseStructuredHeader(input: string): StructuredHeader {
  const str = stripComments(input);
  const response: StructuredHeader = { value: '', params: {} };
  let key: string | false = false;
  let value = '';
  let stage: 'key' | 'value' = 'value';
  let pendingSpace = '';
  let quoteClosed = false;
  let quote: string | false = false;
  let escaped = false;

  const addChr = (c: string): void => {
    if (value.length) value += pendingSpace;
    pendingSpace = '';
    value += c;
  };
  const takeValue = (): string => {
    const result = value;
    value = '';
    pendingSpace = '';
    quoteClosed = false;
    return result;
  };
  const storeParam = (name: string, result: string): void => {
    if (!Object.prototype.hasOwnProperty.call(response.params, name)) response.params[name] = result;
  };
  const storeValue = (): void => {
    const result = takeValue();
    if (key === false) response.value = result;
    else storeParam(key, result);
  };
  const storeEmptyKey = (): void => {
    const name = takeValue().trim();
    if (name) storeParam(name.toLowerCase(), '');
  };

  for (let i = 0, len = str.length; i < len; i++) {
    const chr = str.charAt(i);
    if (stage === 'key') {
      if (chr === '=') {
        key = takeValue().trim().toLowerCase();
        stage = 'value';
      } else if (chr === ';') {
        storeEmptyKey();
      } else {
        value += chr;
      }
      continue;
    }
    if (escaped) {
      addChr(chr);
    } else if (quote && chr === '\\') {
      escaped = true;
      continue;
    } else if (quote && chr === quote) {
      quote = false;
      quoteClosed = true;
    } else if (!quote && chr === '"') {
      quote = chr;
      if (value.length) value += pendingSpace;
      pendingSpace = '';
    } else if (!quote && chr === ';') {
      storeValue();
      stage = 'key';
    } else if (!quote && (chr === ' ' || chr === '\t')) {
      pendingSpace += chr;
    } else if (!quoteClosed) {
      addChr(chr);
    }
    escaped = false;
  }
  if (stage === 'value') storeValue();
  else storeEmptyKey();
  if (response.value) response.value = response.value.toLowerCase();
  joinContinuations(response);
  return response;
}
