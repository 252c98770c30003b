/**
 * The full-text index of a case: token → the ids of the messages that hold it, built while messages are
 * parsed. It holds no text, so its size follows the vocabulary and the number of (message, word) pairs, not
 * the bodies. A term matches every token containing it, so a search finds what a substring search of the
 * separate words would. Queries combine terms (parseSearchQuery.ts, evaluateSearch.ts).
 */
export interface SearchIndex {
  add(id: number, tokens: readonly string[]): void;
  /** A bitset of `size` bytes (at least maxId + 1): 1 for each message with a token containing `term`. */
  termHits(term: string, size: number): Uint8Array;
  readonly maxId: number;
  readonly tokens: number;
  readonly postings: number;
  /** Approximate bytes held (postings and tokens). */
  readonly bytes: number;
}

export function createSearchIndex(): SearchIndex {
  const slots = new Map<string, number>();
  /**
   * Each token's postings. Most tokens (ids, hashes, one-off words) occur in one message: their posting is
   * the number itself, as a typed array of one would cost over a hundred bytes of object for four of data.
   */
  const lists: (number | Uint32Array)[] = [];
  let lengths = new Uint32Array(1024);
  let postings = 0;
  let tokenChars = 0;
  let maxId = 0;

  /** A new token's slot, holding `id` as its only posting. */
  const newSlot = (token: string, id: number): void => {
    const slot = lists.length;
    slots.set(token, slot);
    lists.push(id);
    tokenChars += token.length;
    if (slot >= lengths.length) {
      const grown = new Uint32Array(lengths.length * 2);
      grown.set(lengths);
      lengths = grown;
    }
    lengths[slot] = 1;
  };

  const matching = (term: string, size = maxId + 1): Uint8Array => {
    const hit = new Uint8Array(Math.max(size, maxId + 1));
    for (const [token, slot] of slots) {
      if (!token.includes(term)) continue;
      const list = lists[slot];
      if (typeof list === 'number') hit[list] = 1;
      else for (let i = 0, n = lengths[slot]; i < n; i++) hit[list[i]] = 1;
    }
    return hit;
  };

  return {
    add(id, tokens) {
      if (id > maxId) maxId = id;
      for (const token of tokens) {
        postings++;
        const slot = slots.get(token);
        if (slot === undefined) {
          newSlot(token, id);
          continue;
        }
        const n = lengths[slot];
        let list = lists[slot];
        if (typeof list === 'number') {
          list = lists[slot] = Uint32Array.of(list, 0, 0, 0);
        } else if (n === list.length) {
          const grown = new Uint32Array(n * 2);
          grown.set(list);
          list = lists[slot] = grown;
        }
        list[n] = id;
        lengths[slot] = n + 1;
      }
    },
    termHits: matching,
    get maxId() {
      return maxId;
    },
    get tokens() {
      return slots.size;
    },
    get postings() {
      return postings;
    },
    get bytes() {
      return lists.reduce((n: number, l) => n + (typeof l === 'number' ? 8 : l.byteLength), 0) + tokenChars * 2 + slots.size * 48;
    },
  };
}
