/**
 * The case database and everything asked of it, composed from one part per concern (service/): imports
 * during a run, the read-only console, searches, the examiner's notes, exports and the case file. The caseDb
 * worker exposes exactly this object; Node tests call it directly.
 */
import type { SqlJsStatic } from 'sql.js';
import type { QueryResult } from '../model/analysisResult.ts';
import { caseExports } from './service/caseExports.ts';
import { caseFile } from './service/caseFile.ts';
import { caseNotes } from './service/caseNotes.ts';
import { caseQuery, type QueryArgs, type QueryName } from './queries/caseQueries.ts';
import { HM_COLUMNS_SQL, HmColumns } from './queries/hmColumns.ts';
import { caseSearches } from './service/caseSearches.ts';
import { createCaseDbState } from './service/caseDbState.ts';
import { readOnlyQuery } from './service/readOnlyQuery.ts';
import { runStorage } from './service/runStorage.ts';
import { sourceImports } from './service/sourceImports.ts';

export type { CaseDetails } from './service/caseNotes.ts';

export function createCaseDbService(SQL: SqlJsStatic, version = '0.0.0') {
  const state = createCaseDbState(SQL, version);
  return {
    ...runStorage(state),
    ...sourceImports(state),
    /**
     * The SQL console's statement, the one raw SQL the page may send: a single statement, run with PRAGMA
     * query_only so no write can reach the case database.
     */
    async consoleQuery(sql: string): Promise<QueryResult> {
      return readOnlyQuery(state.db, sql);
    },
    /** A named query of the views (queries/caseQueries.ts), built here from plain arguments and run read-only like the console's. */
    async ask<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryResult> {
      const q = caseQuery(() => HmColumns.fromRows(readOnlyQuery(state.db, HM_COLUMNS_SQL).rows), name, ...args);
      return readOnlyQuery(state.db, q.sql, q.params);
    },
    ...caseSearches(state),
    ...caseNotes(state),
    ...caseExports(state),
    ...caseFile(state),
  };
}

export type CaseDbService = ReturnType<typeof createCaseDbService>;
