/** The case file: the case database saved as SQLite, and a saved one opened in place of the current case with its counts. */
import type { Database } from 'sql.js';
import { CASE_SCHEMA } from '../caseSchema.ts';
import { indexStoredMessages } from '../indexStoredMessages.ts';
import { exportLiveCase, hasLiveSchema } from '../liveCaseSchema.ts';
import { migrateCaseFile } from '../migrateCaseFile.ts';
import { reopenedCounts, type ReopenedCounts } from '../reopenedCounts.ts';
import { ensureTimelineBuckets } from '../timelineBuckets.ts';
import type { CaseDbState } from './caseDbState.ts';
import { readOnlyQuery } from './readOnlyQuery.ts';

function isCaseFile(db: Database): boolean {
  const r = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_meta'");
  return r.length > 0;
}

export function caseFile(s: CaseDbState) {
  return {
    /**
     * The case file. Recovered secrets (cleartext passwords, logged credentials) stay out of it unless the
     * examiner asks: they are dropped from a copy with secure_delete and VACUUM, so no free page keeps them.
     */
    async exportDb(options: { includeSecrets?: boolean } = {}): Promise<Uint8Array> {
      const bytes = hasLiveSchema(s.db) ? exportLiveCase(s.SQL, s.db) : s.db.export();
      if (options.includeSecrets) return bytes;
      const copy = new s.SQL.Database(bytes);
      try {
        copy.run('PRAGMA secure_delete = ON');
        copy.run('DELETE FROM case_secrets');
        copy.run('VACUUM');
        return copy.export();
      } finally {
        copy.close();
      }
    },
    /** Opens a saved case file in place of the current case; false when the bytes are not one. */
    async openCaseFile(bytes: Uint8Array): Promise<boolean> {
      const candidate = new s.SQL.Database(bytes);
      let isCase = false;
      try {
        isCase = isCaseFile(candidate);
      } catch {
        // A corrupt body behind a valid header: not a case file we can open; intake reports it as a database.
      }
      if (!isCase) {
        candidate.close();
        return false;
      }
      s.searches.forget(null);
      s.db.close();
      s.db = candidate;
      migrateCaseFile(s.db);
      s.db.exec(CASE_SCHEMA);
      ensureTimelineBuckets(s.db);
      s.index = indexStoredMessages(s.db);
      return true;
    },
    /** The counts of the analysis a reopened case file was saved from (reopenedCounts.ts). */
    async reopenedCounts(): Promise<ReopenedCounts> {
      return reopenedCounts(async (sql) => readOnlyQuery(s.db, sql));
    },
  };
}
