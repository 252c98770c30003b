/**
 * A keyword list run over the case: each term is one search (parseSearchQuery + evaluateSearch), its hits
 * go to temp.keyword_hits (term, id, certain) so the views page and export them with SQL, and the summary
 * per term comes back. Running a new list replaces the previous one.
 */
import type { Database } from 'sql.js';
import { csvRecord } from '../report/formatCsv.ts';
import { evaluateSearch } from '../search/evaluateSearch.ts';
import { parseSearchQuery } from '../search/parseSearchQuery.ts';
import { createCaseSearchSource } from './caseSearchSource.ts';
import { inTransaction } from './inTransaction.ts';
import type { SearchIndex } from './searchIndex.ts';

export interface KeywordTermHits {
  term: string;
  /** Messages listed for the term (certain and possible hits). */
  messages: number;
  /** Of those, the ones the stored text could not confirm. */
  unverified: number;
  /** Why the term is not a valid query, if it is not. */
  error?: string;
}

const SCHEMA = 'CREATE TEMP TABLE IF NOT EXISTS keyword_hits (term TEXT, id INTEGER, certain INTEGER, PRIMARY KEY (term, id)) WITHOUT ROWID';

export function runKeywordHits(db: Database, index: SearchIndex, terms: readonly string[]): KeywordTermHits[] {
  db.exec(SCHEMA);
  const summary: KeywordTermHits[] = [];
  const source = createCaseSearchSource(db, index);
  const stmt = db.prepare('INSERT INTO temp.keyword_hits VALUES (?, ?, ?)');
  try {
    inTransaction(db, () => {
      db.exec('DELETE FROM temp.keyword_hits');
      for (const term of terms) {
        const parsed = parseSearchQuery(term);
        if (!parsed.ok) {
          summary.push({ term, messages: 0, unverified: 0, error: parsed.error });
          continue;
        }
        if (!parsed.node) {
          summary.push({ term, messages: 0, unverified: 0, error: 'Nothing searchable in this term' });
          continue;
        }
        const { yes, maybe } = evaluateSearch(parsed.node, source);
        let messages = 0;
        let unverified = 0;
        for (let id = 1; id < maybe.length; id++) {
          if (!maybe[id]) continue;
          messages++;
          if (!yes[id]) unverified++;
          stmt.run([term, id, yes[id]]);
        }
        summary.push({ term, messages, unverified });
      }
    });
  } finally {
    stmt.free();
  }
  return summary;
}

/** Drops the hits of the last list (another case was opened, or messages were added). */
export function forgetKeywordHits(db: Database): void {
  db.exec(SCHEMA);
  db.exec('DELETE FROM temp.keyword_hits');
}

/**
 * The hits of the last list as CSV: one row per message and term (path, date, from, subject, term,
 * confirmed), so a spreadsheet can pivot either way. Cells go through the shared formula-guarded writer.
 */
export function keywordHitsCsv(db: Database): string {
  db.exec(SCHEMA);
  let out = csvRecord(['path', 'date_utc', 'from', 'subject', 'term', 'confirmed']);
  const stmt = db.prepare(`SELECT m.path, m.date_utc, m.from_addr, m.subject, k.term, k.certain
    FROM temp.keyword_hits k JOIN case_messages m ON m.id = k.id ORDER BY m.path, k.term`);
  try {
    while (stmt.step()) {
      const [path, date, from, subject, term, certain] = stmt.get();
      out += csvRecord([path as string, date as string, from as string, subject as string, term as string, certain ? 'yes' : 'not confirmed']);
    }
  } finally {
    stmt.free();
  }
  return out;
}
