/**
 * Evaluates a parsed query over a case, in three values: each message is a hit, a possible hit, or not.
 * Words come from the index (which has the whole bodies of the run). Phrases, scoped words and regexes are
 * checked against the stored text, which keeps only the beginning of each body: where that text is cut and
 * the answer could lie beyond it, the message is a possible hit, never silently dropped nor claimed.
 * Regexes read only the stored text (no index can narrow them), and say so in the interface.
 */
import type { SearchNode, SearchScope } from './parseSearchQuery.ts';

/** What the evaluator asks of a case: index lookups and the stored text of messages. */
export interface SearchSource {
  /** Bitset length: one more than the highest message id. */
  readonly size: number;
  /** Every message id of the case. */
  universe(): Uint8Array;
  /** Messages whose index holds a token containing `term`. */
  termHits(term: string): Uint8Array;
  /**
   * Calls `visit` with the stored text of `scope` of each candidate (every message when null); `complete`
   * is false when that text misses part of the field (a body longer than its stored beginning).
   */
  forEachStored(candidates: Uint8Array | null, scope: SearchScope, visit: (id: number, text: string, complete: boolean) => void): void;
}

/** `yes` ⊆ `maybe`: certain hits, and hits that the stored text can neither confirm nor rule out. */
export interface SearchBits {
  yes: Uint8Array;
  maybe: Uint8Array;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function verified(source: SearchSource, candidates: Uint8Array | null, scope: SearchScope, test: (text: string) => boolean): SearchBits {
  const yes = new Uint8Array(source.size);
  const maybe = new Uint8Array(source.size);
  source.forEachStored(candidates, scope, (id, text, complete) => {
    if (test(text)) yes[id] = maybe[id] = 1;
    else if (!complete) maybe[id] = 1;
  });
  return { yes, maybe };
}

function all(source: SearchSource, words: string[]): Uint8Array {
  let hit: Uint8Array | null = null;
  for (const w of words) {
    const h = source.termHits(w);
    if (hit) for (let i = 0; i < hit.length; i++) hit[i] &= h[i];
    else hit = h;
  }
  return hit ?? new Uint8Array(source.size);
}

export function evaluateSearch(node: SearchNode, source: SearchSource): SearchBits {
  switch (node.kind) {
    case 'term': {
      const hits = source.termHits(node.term);
      if (node.scope === 'all') return { yes: hits, maybe: hits.slice() };
      return verified(source, hits, node.scope, (text) => text.toLowerCase().includes(node.term));
    }
    case 'phrase':
      return verified(source, all(source, node.words), node.scope, (text) => normalise(text).includes(node.phrase));
    case 'regex': {
      const re = new RegExp(node.source, node.flags);
      const bits = verified(source, null, node.scope, (text) => re.test(text));
      return { yes: bits.yes, maybe: bits.yes.slice() };
    }
    case 'not': {
      const inner = evaluateSearch(node.item, source);
      const universe = source.universe();
      const yes = new Uint8Array(source.size);
      const maybe = new Uint8Array(source.size);
      for (let i = 0; i < source.size; i++) {
        yes[i] = universe[i] & (inner.maybe[i] ^ 1);
        maybe[i] = universe[i] & (inner.yes[i] ^ 1);
      }
      return { yes, maybe };
    }
    case 'and':
    case 'or': {
      const [first, ...rest] = node.items.map((n) => evaluateSearch(n, source));
      for (const b of rest) {
        for (let i = 0; i < source.size; i++) {
          if (node.kind === 'and') {
            first.yes[i] &= b.yes[i];
            first.maybe[i] &= b.maybe[i];
          } else {
            first.yes[i] |= b.yes[i];
            first.maybe[i] |= b.maybe[i];
          }
        }
      }
      return first;
    }
  }
}
