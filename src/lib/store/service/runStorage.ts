/** What a run writes into the case database besides the hMailServer tables: messages as parsed, findings, the stored case. */
import type { CaseDbPort } from '../caseDbPort.ts';
import { appendMessages } from '../appendMessages.ts';
import { forgetKeywordHits } from '../keywordHits.ts';
import { openLiveCase } from '../liveCaseSchema.ts';
import { createSearchIndex } from '../searchIndex.ts';
import { appendFindings, messageIndicators, writeCaseRows, writeCaseTables } from '../writeCaseTables.ts';
import type { CaseDbState } from './caseDbState.ts';

export type RunStorage = Pick<CaseDbPort, 'reset' | 'appendMessages' | 'appendFindings' | 'storeCase' | 'storeCaseRows'>;

export function runStorage(s: CaseDbState): RunStorage {
  return {
    async reset() {
      s.searches.forget(null);
      s.db.close();
      s.db = openLiveCase(s.SQL);
      s.index = createSearchIndex();
      s.loaded = null;
      s.dump = null;
    },
    async appendMessages(batch) {
      appendMessages(s.db, s.index, batch);
      s.searches.forget(s.db);
      forgetKeywordHits(s.db);
    },
    async appendFindings(findings) {
      appendFindings(s.db, findings);
    },
    async storeCase(stored) {
      writeCaseTables(s.db, stored);
      s.indicators = messageIndicators(stored.findings);
    },
    async storeCaseRows(rows) {
      writeCaseRows(s.db, rows, s.indicators);
    },
  };
}
