/**
 * Where a search's hits go so that SQL can filter by them: temp.search_hits (query, id), one set per query
 * (views filter with `m.id IN (SELECT id FROM search_hits WHERE query = ?)`). The last few queries stay, so
 * paging through a result never searches again; new messages make every kept result stale.
 */
import type { Database } from 'sql.js';
import { inTransaction } from './inTransaction.ts';
import type { SearchIndex } from './searchIndex.ts';

/** Results kept: a few filters' worth. */
export const SEARCHES_KEPT = 8;
const SCHEMA = 'CREATE TEMP TABLE IF NOT EXISTS search_hits (query TEXT, id INTEGER, PRIMARY KEY (query, id)) WITHOUT ROWID';

export interface SearchHits {
  /** The hit count of `query` (searched now or kept), or null when it has no searchable term. */
  run(db: Database, index: SearchIndex, query: string): number | null;
  /** Drops every kept result (messages were added, or another case was opened). */
  forget(db: Database | null): void;
}

export function createSearchHits(): SearchHits {
  const kept = new Map<string, number | null>();
  return {
    run(db, index, query) {
      const known = kept.get(query);
      if (known !== undefined) return known;
      const ids = index.search(query);
      db.exec(SCHEMA);
      while (kept.size >= SEARCHES_KEPT) {
        const oldest = kept.keys().next().value as string;
        db.run('DELETE FROM temp.search_hits WHERE query = ?', [oldest]);
        kept.delete(oldest);
      }
      const stmt = db.prepare('INSERT INTO temp.search_hits VALUES (?, ?)');
      try {
        inTransaction(db, () => {
          for (const id of ids ?? []) stmt.run([query, id]);
        });
      } finally {
        stmt.free();
      }
      const count = ids?.length ?? null;
      kept.set(query, count);
      return count;
    },
    forget(db) {
      if (kept.size === 0) return;
      kept.clear();
      db?.exec('DELETE FROM temp.search_hits');
    },
  };
}
