/**
 * A TriageClient whose every method is a vi.fn, a deferred promise to hold an analysis or a query open, and
 * the shape in which fake clients record the queries they were asked. Its ask() builds a named query's SQL
 * as the caseDb worker does and hands it to `query`, a fake of the worker's read-only statement runner, so a
 * test sees (and answers) every query's SQL; `hm` stands for the case database's hm_* columns.
 */
import { vi } from 'vitest';
import { DEFAULT_REPORT_OPTIONS } from '../../src/lib/model/reportOptions.ts';
import type { AnalysisResult } from '../../src/lib/model/analysisResult.ts';
import { caseQuery, type QueryArgs, type QueryName } from '../../src/lib/store/queries/caseQueries.ts';
import { HmColumns } from '../../src/lib/store/queries/hmColumns.ts';
import type { QueryResult } from '../../src/lib/model/analysisResult.ts';
import type { EvidenceInput, TriageClient } from '../../src/ui/triageClient.ts';

export type QueryParams = (string | number | null)[];

export interface QueryCall {
  sql: string;
  params: QueryParams;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function result(runId: number, findings = 3): AnalysisResult {
  return {
    runId,
    durationMs: 1500,
    counts: {
      evidenceFiles: 1, inventoryEntries: 10, inventoryErrors: 1, messages: 7, dbMessages: 8, accounts: 3,
      domains: 2, logLines: 120, logSessions: 9, findings, parsedFast: 6, parsedReference: 1,
    },
    problems: [],
  };
}

/** Runs one statement of a named query, as the caseDb worker does. */
export type SqlRunner = (sql: string, params?: QueryParams) => Promise<QueryResult>;

export interface MockOptions {
  query?: SqlRunner;
  hm?: () => HmColumns;
}

export function mockClient(overrides: Partial<TriageClient> & MockOptions = {}): TriageClient {
  const { query = vi.fn(async () => ({ columns: [], rows: [] })), hm = () => HmColumns.empty(), ...methods } = overrides;
  const client: TriageClient = {
    ask: vi.fn(<K extends QueryName>(name: K, ...args: QueryArgs<K>) => {
      const q = caseQuery(hm, name, ...args);
      return query(q.sql, q.params);
    }),
    analyze: vi.fn(async () => result(1)),
    consoleQuery: vi.fn(async (sql: string) => query(sql)),
    searchMessages: vi.fn(async () => 0),
    searchOutcome: vi.fn(async () => null),
    saveSearch: vi.fn(async () => {}),
    deleteSavedSearch: vi.fn(async () => {}),
    runKeywordList: vi.fn(async () => ({ terms: [], dropped: 0 })),
    keywordHitsCsv: vi.fn(async () => ''),
    loadHashSet: vi.fn(),
    removeHashSet: vi.fn(async () => {}),
    findingsJson: vi.fn(async () => '{}'),
    messageDetail: vi.fn(),
    readEntry: vi.fn(async () => new Uint8Array()),
    logTranscript: vi.fn(async () => []),
    setBookmark: vi.fn(async () => {}),
    removeBookmark: vi.fn(async () => {}),
    setFindingNote: vi.fn(async () => {}),
    setAnnotation: vi.fn(async () => {}),
    removeAnnotation: vi.fn(async () => {}),
    tagItems: vi.fn(async () => {}),
    bookmarkItems: vi.fn(async () => {}),
    renameTag: vi.fn(async () => {}),
    setTagColour: vi.fn(async () => {}),
    listTags: vi.fn(async () => []),
    workProduct: vi.fn(async () => ({ version: 1 as const, bookmarks: [], annotations: [], tags: [], findingNotes: [], caseDetails: null })),
    restoreWorkProduct: vi.fn(async () => ({ applied: 0, skipped: 0 })),
    setCaseDetails: vi.fn(async () => {}),
    exportCaseDb: vi.fn(async () => new Uint8Array([1, 2, 3])),
    story: vi.fn(async () => []),
    htmlReport: vi.fn(async () => '<html></html>'),
    reportOptions: vi.fn(async () => structuredClone(DEFAULT_REPORT_OPTIONS)),
    setReportOptions: vi.fn(async () => {}),
    columnLayouts: vi.fn(async () => ({})),
    setColumnLayout: vi.fn(async () => {}),
    timesketchJsonl: vi.fn(async () => ''),
    timesketchCsv: vi.fn(async () => ''),
    timelineCsv: vi.fn(async () => ''),
    exportMessagesZip: vi.fn(async () => new Uint8Array()),
    ...methods,
  } as TriageClient;
  return client;
}

export function evidence(name: string, size = 1000): EvidenceInput {
  return { file: new File([new Uint8Array(size)], name), path: name };
}

export function abortError(): Error {
  const err = new Error('Analysis cancelled');
  err.name = 'AbortError';
  return err;
}
