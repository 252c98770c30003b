/**
 * Where a search's hits go so that SQL can filter by them: temp.search_hits (query, id), one set per query
 * (views filter with `m.id IN (SELECT id FROM search_hits WHERE query = ?)`). The last few queries stay, so
 * paging through a result never searches again; new messages make every kept result stale.
 * The hits listed are the certain and the possible ones (evaluateSearch.ts): a search never hides a message
 * it cannot rule out, and the outcome says how many it could not confirm.
 */
import type { Database } from 'sql.js';
import { evaluateSearch } from '../search/evaluateSearch.ts';
import { parseSearchQuery } from '../search/parseSearchQuery.ts';
import { createCaseSearchSource } from './caseSearchSource.ts';
import { inTransaction } from './inTransaction.ts';
import type { SearchIndex } from './searchIndex.ts';

/** A search's result: messages listed, of which `unverified` could not be confirmed; or why the query is not valid. */
export type SearchOutcome = { count: number; unverified: number } | { error: string; position: number };

/** Results kept: a few filters' worth. */
const SEARCHES_KEPT = 8;
const SCHEMA = 'CREATE TEMP TABLE IF NOT EXISTS search_hits (query TEXT, id INTEGER, PRIMARY KEY (query, id)) WITHOUT ROWID';

export interface SearchHits {
  /** The hit count of `query` (searched now or kept), or null when it has no searchable term or is not valid. */
  run(db: Database, index: SearchIndex, query: string): number | null;
  /** The outcome of `query` (searched now or kept), or null when it has no searchable term. */
  outcome(db: Database, index: SearchIndex, query: string): SearchOutcome | null;
  /** Drops every kept result (messages were added, or another case was opened). */
  forget(db: Database | null): void;
}

export function createSearchHits(): SearchHits {
  const kept = new Map<string, SearchOutcome | null>();
  const outcome = (db: Database, index: SearchIndex, query: string): SearchOutcome | null => {
    const known = kept.get(query);
    if (known !== undefined) return known;
    const parsed = parseSearchQuery(query);
    const ids: number[] = [];
    let result: SearchOutcome | null;
    if (!parsed.ok) result = { error: parsed.error, position: parsed.position };
    else if (!parsed.node) result = null;
    else {
      const { yes, maybe } = evaluateSearch(parsed.node, createCaseSearchSource(db, index));
      let unverified = 0;
      for (let i = 1; i < maybe.length; i++) {
        if (!maybe[i]) continue;
        ids.push(i);
        if (!yes[i]) unverified++;
      }
      result = { count: ids.length, unverified };
    }
    db.exec(SCHEMA);
    while (kept.size >= SEARCHES_KEPT) {
      const oldest = kept.keys().next().value as string;
      db.run('DELETE FROM temp.search_hits WHERE query = ?', [oldest]);
      kept.delete(oldest);
    }
    const stmt = db.prepare('INSERT INTO temp.search_hits VALUES (?, ?)');
    try {
      inTransaction(db, () => {
        for (const id of ids) stmt.run([query, id]);
      });
    } finally {
      stmt.free();
    }
    kept.set(query, result);
    return result;
  };
  return {
    outcome,
    run(db, index, query) {
      const result = outcome(db, index, query);
      return result && 'count' in result ? result.count : null;
    },
    forget(db) {
      if (kept.size === 0) return;
      kept.clear();
      db?.exec('DELETE FROM temp.search_hits');
    },
  };
}
