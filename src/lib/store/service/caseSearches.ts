/** Full-text searches, saved searches, keyword lists and hash sets over the case (searchHits.ts, keywordHits.ts, hashSetHits.ts). */
import type { HashSetVerdict } from '../../hashset/hashSetFinding.ts';
import { keywordList } from '../../search/keywordList.ts';
import { blobTextChunks } from '../blobTextChunks.ts';
import { loadHashSet, removeHashSet, type HashSetSummary } from '../hashSetHits.ts';
import { keywordHitsCsv, runKeywordHits, type KeywordTermHits } from '../keywordHits.ts';
import type { SearchOutcome } from '../searchHits.ts';
import type { CaseDbState } from './caseDbState.ts';

export function caseSearches(s: CaseDbState) {
  return {
    /**
     * Full-text search: the ids of the messages matching `query` go to temp.search_hits under that query
     * (searchHits.ts); the count, or null when the query has no searchable term.
     */
    async searchMessages(query: string): Promise<number | null> {
      return s.searches.run(s.db, s.index, query);
    },
    /** The outcome of a search (searchHits.ts): hits, how many are unconfirmed, or why the query is not valid. */
    async searchOutcome(query: string): Promise<SearchOutcome | null> {
      return s.searches.outcome(s.db, s.index, query);
    },
    /**
     * A keyword list as pasted or loaded (keywordList.ts): each term searched as a query; its hits go to
     * temp.keyword_hits (term, id, certain) for the views, replacing the previous list's, and the summary
     * per term comes back with the count of terms left out past the limit.
     */
    async runKeywordList(text: string): Promise<{ terms: KeywordTermHits[]; dropped: number }> {
      const list = keywordList(text);
      return { terms: runKeywordHits(s.db, s.index, list.terms), dropped: list.dropped };
    },
    /** The last keyword list's hits, one CSV row per message and term. */
    async keywordHitsCsv(): Promise<string> {
      return keywordHitsCsv(s.db);
    },
    /**
     * Checks a hash set (plain list, CSV with a hash column, NSRL RDS CSV) against every file and attachment
     * of the case; matches of a known-bad set become hash-set-match findings (hashSetHits.ts).
     */
    async loadHashSet(name: string, verdict: HashSetVerdict, file: Blob, nowIso: string): Promise<HashSetSummary> {
      return loadHashSet(s.db, name, verdict, blobTextChunks(file), nowIso);
    },
    async removeHashSet(name: string) {
      removeHashSet(s.db, name);
    },
    /** Saves (or replaces) a named search in the case; saved searches travel with the case file. */
    async saveSearch(name: string, query: string, nowIso: string) {
      s.db.run('INSERT OR REPLACE INTO case_saved_searches VALUES (?, ?, ?)', [name, query, nowIso]);
    },
    async deleteSavedSearch(name: string) {
      s.db.run('DELETE FROM case_saved_searches WHERE name = ?', [name]);
    },
  };
}
