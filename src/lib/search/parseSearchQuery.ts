/**
 * The search box's syntax, parsed into a tree the case database evaluates against its index:
 * words (all must match), "quoted phrases", /regular expressions/flags, AND, OR, NOT (or a leading -),
 * parentheses, and a scope prefix (subject:, from:, body:, header:, attachment:, ioc:) on any of them.
 * Operators are upper case only, so the words "and", "or" and "not" stay searchable.
 * Malformed queries give a message and a position, never a guess.
 */
import { searchTerms } from '../mail/searchTokens.ts';

/** Where a term must be found; `all` is every searchable field. */
export type SearchScope = 'all' | 'subject' | 'addresses' | 'body' | 'headers' | 'attachments' | 'iocs';

export type SearchNode =
  | { kind: 'term'; term: string; scope: SearchScope }
  | { kind: 'phrase'; phrase: string; words: string[]; scope: SearchScope }
  | { kind: 'regex'; source: string; flags: string; scope: SearchScope }
  | { kind: 'and'; items: SearchNode[] }
  | { kind: 'or'; items: SearchNode[] }
  | { kind: 'not'; item: SearchNode };

export type ParsedSearch = { ok: true; node: SearchNode | null } | { ok: false; error: string; position: number };

/** Longest query, regex source and nesting accepted: a pasted document or a deep tree must not stall the worker. */
const MAX_QUERY_CHARS = 4096;
const MAX_REGEX_CHARS = 512;
const MAX_NESTING = 32;
/** Regex flags that keep `test` stateless and the pattern's meaning plain (g and y would carry lastIndex). */
const REGEX_FLAGS = /^[imsu]*$/;

const SCOPES: Record<string, SearchScope> = {
  all: 'all', subject: 'subject', from: 'addresses', to: 'addresses', address: 'addresses', addresses: 'addresses',
  body: 'body', header: 'headers', headers: 'headers', attachment: 'attachments', attachments: 'attachments',
  ioc: 'iocs', iocs: 'iocs', url: 'iocs',
};

type LeafToken =
  | { t: 'word'; text: string; pos: number; scope: SearchScope }
  | { t: 'phrase'; text: string; pos: number; scope: SearchScope }
  | { t: 'regex'; source: string; flags: string; pos: number; scope: SearchScope };
type Token = LeafToken | { t: 'and' | 'or' | 'not' | '(' | ')'; pos: number };

class SyntaxProblem extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
  }
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ t: c, pos: i++ });
      continue;
    }
    const start = i;
    if (c === '-' && i + 1 < q.length && !isSpace(q[i + 1])) {
      tokens.push({ t: 'not', pos: i++ });
      continue;
    }
    let scope: SearchScope = 'all';
    const prefix = /^([A-Za-z]+):(?=\S)/.exec(q.slice(i, i + 16));
    if (prefix && SCOPES[prefix[1].toLowerCase()]) {
      scope = SCOPES[prefix[1].toLowerCase()];
      i += prefix[0].length;
    }
    if (q[i] === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0) throw new SyntaxProblem('A quoted phrase is not closed', i);
      tokens.push({ t: 'phrase', text: q.slice(i + 1, end), pos: start, scope });
      i = end + 1;
      continue;
    }
    if (q[i] === '/') {
      let j = i + 1;
      let inClass = false;
      for (; j < q.length; j++) {
        if (q[j] === '\\') j++;
        else if (q[j] === '[') inClass = true;
        else if (q[j] === ']') inClass = false;
        else if (q[j] === '/' && !inClass) break;
      }
      if (j >= q.length) throw new SyntaxProblem('A regular expression is not closed with /', i);
      const source = q.slice(i + 1, j);
      let k = j + 1;
      while (k < q.length && /[a-z]/i.test(q[k])) k++;
      const flags = q.slice(j + 1, k);
      if (!source) throw new SyntaxProblem('An empty regular expression', i);
      if (source.length > MAX_REGEX_CHARS) throw new SyntaxProblem(`A regular expression longer than ${MAX_REGEX_CHARS} characters`, i);
      if (!REGEX_FLAGS.test(flags)) throw new SyntaxProblem(`Regular expression flags may be i, m, s and u, not "${flags}"`, j + 1);
      try {
        new RegExp(source, flags);
      } catch (err) {
        throw new SyntaxProblem(`Not a valid regular expression: ${(err as Error).message}`, i);
      }
      tokens.push({ t: 'regex', source, flags, pos: start, scope });
      i = k;
      continue;
    }
    let j = i;
    while (j < q.length && !isSpace(q[j]) && q[j] !== '(' && q[j] !== ')') j++;
    const text = q.slice(i, j);
    i = j;
    if (scope === 'all' && (text === 'AND' || text === 'OR' || text === 'NOT')) tokens.push({ t: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', pos: start });
    else tokens.push({ t: 'word', text, pos: start, scope });
  }
  return tokens;
}

function leaf(token: LeafToken): SearchNode | null {
  if (token.t === 'regex') return { kind: 'regex', source: token.source, flags: token.flags, scope: token.scope };
  const words = searchTerms(token.text);
  if (token.t === 'phrase') {
    const phrase = token.text.trim().replace(/\s+/g, ' ').toLowerCase();
    if (words.length === 0) return null;
    return words.length === 1 && phrase === words[0] ? { kind: 'term', term: words[0], scope: token.scope } : { kind: 'phrase', phrase, words, scope: token.scope };
  }
  return words.length === 0 ? null : { kind: 'term', term: words[0], scope: token.scope };
}

/** A list of nodes joined by one operator, where unsearchable pieces (null) drop out. */
function join(kind: 'and' | 'or', items: (SearchNode | null)[]): SearchNode | null {
  const kept = items.filter((n): n is SearchNode => n !== null);
  if (kept.length <= 1) return kept[0] ?? null;
  return { kind, items: kept.flatMap((n) => (n.kind === kind ? n.items : [n])) };
}

function parseTokens(tokens: Token[], end: number): SearchNode | null {
  let at = 0;
  const peek = () => tokens[at];

  const orExpr = (depth: number): SearchNode | null => {
    const items = [andExpr(depth)];
    while (peek()?.t === 'or') {
      const op = tokens[at++];
      if (!peek() || peek().t === ')' || peek().t === 'or') throw new SyntaxProblem('OR needs something on its right', op.pos);
      items.push(andExpr(depth));
    }
    return join('or', items);
  };
  const andExpr = (depth: number): SearchNode | null => {
    const items = [unary(depth)];
    for (;;) {
      const next = peek();
      if (!next || next.t === ')' || next.t === 'or') break;
      if (next.t === 'and') {
        at++;
        if (!peek() || peek().t === ')' || peek().t === 'or' || peek().t === 'and') throw new SyntaxProblem('AND needs something on its right', next.pos);
      }
      items.push(unary(depth));
    }
    return join('and', items);
  };
  const unary = (depth: number): SearchNode | null => {
    const token = tokens[at];
    if (!token) throw new SyntaxProblem('The query ends where a word was expected', end);
    if (token.t === 'not') {
      at++;
      if (!peek() || peek().t === ')') throw new SyntaxProblem('NOT needs something on its right', token.pos);
      const item = unary(depth);
      return item ? { kind: 'not', item } : null;
    }
    if (token.t === '(') {
      if (depth >= MAX_NESTING) throw new SyntaxProblem(`Parentheses nested deeper than ${MAX_NESTING}`, token.pos);
      at++;
      if (peek()?.t === ')') throw new SyntaxProblem('Empty parentheses', token.pos);
      const inner = orExpr(depth + 1);
      if (peek()?.t !== ')') throw new SyntaxProblem('A parenthesis is not closed', token.pos);
      at++;
      return inner;
    }
    if (token.t === ')') throw new SyntaxProblem('A closing parenthesis without an opening one', token.pos);
    if (token.t === 'and' || token.t === 'or') throw new SyntaxProblem(`${token.t.toUpperCase()} needs something on its left`, token.pos);
    at++;
    return leaf(token as LeafToken);
  };

  const node = orExpr(0);
  if (at < tokens.length) throw new SyntaxProblem('A closing parenthesis without an opening one', tokens[at].pos);
  return node;
}

/** The tree of a query; `node` is null when nothing searchable remains (only punctuation, say). */
export function parseSearchQuery(query: string): ParsedSearch {
  if (query.length > MAX_QUERY_CHARS) return { ok: false, error: `The query is longer than ${MAX_QUERY_CHARS} characters`, position: MAX_QUERY_CHARS };
  try {
    const tokens = tokenize(query);
    if (tokens.length === 0) return { ok: true, node: null };
    return { ok: true, node: parseTokens(tokens, query.length) };
  } catch (err) {
    if (err instanceof SyntaxProblem) return { ok: false, error: err.message, position: err.position };
    throw err;
  }
}
