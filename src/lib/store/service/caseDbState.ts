/**
 * What the case database service's parts share: the open database and what a run has loaded into it so
 * far. Opening a case file or resetting replaces `db`, so every part reads it from here at each call.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { DatabaseSource, ImportProblem } from '../../model/hmailDatabase.ts';
import type { PushStream } from '../pushStream.ts';
import { createSearchHits } from '../searchHits.ts';
import { createSearchIndex, type SearchIndex } from '../searchIndex.ts';
import type { MessageIndicators } from '../writeCaseTables.ts';

interface LoadedSource {
  source: DatabaseSource;
  path: string;
  problems: ImportProblem[];
}

interface RunningDump {
  push: PushStream;
  done: Promise<ImportProblem[]>;
}

export interface CaseDbState {
  readonly SQL: SqlJsStatic;
  readonly version: string;
  db: Database;
  index: SearchIndex;
  loaded: LoadedSource | null;
  dump: RunningDump | null;
  /** What storeCase learnt of the findings, for the message rows storeCaseRows updates after it. */
  indicators: MessageIndicators;
  readonly searches: ReturnType<typeof createSearchHits>;
}

export function createCaseDbState(SQL: SqlJsStatic, version: string): CaseDbState {
  return {
    SQL,
    version,
    db: new SQL.Database(),
    index: createSearchIndex(),
    loaded: null,
    dump: null,
    indicators: new Map(),
    searches: createSearchHits(),
  };
}
