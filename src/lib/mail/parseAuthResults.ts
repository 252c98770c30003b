/** Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 §9.1) headers → method/result pairs. */

export interface AuthResult { method: string; result: string; raw: string }

interface NamedValue { name: string; value: string }

function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && depth > 0) i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

const SPF_RESULTS = new Set(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror']);

export function parseAuthResults(headers: NamedValue[]): AuthResult[] {
  const results: AuthResult[] = [];
  for (const h of headers) {
    const name = h.name.toLowerCase();
    const raw = `${h.name}: ${h.value}`;
    if (name === 'authentication-results') {
      const parts = stripComments(h.value).split(';').slice(1);
      for (const part of parts) {
        const m = /^\s*([a-z0-9_-]+)(?:\s*\/\s*\d+)?\s*=\s*([a-z0-9_-]+)/i.exec(part);
        if (m) results.push({ method: m[1].toLowerCase(), result: m[2].toLowerCase(), raw });
      }
    } else if (name === 'received-spf') {
      const word = /^\s*([a-z]+)/i.exec(h.value)?.[1]?.toLowerCase();
      if (word && SPF_RESULTS.has(word)) results.push({ method: 'spf', result: word, raw });
    }
  }
  return results;
}
