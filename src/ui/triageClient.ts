/**
 * The contract between the page and the workers. workerClient.ts implements it with Comlink; UI state
 * specs implement it with a mock. Views never talk to workers any other way.
 */
import type { AnalysisResult, MessageDetail, QueryResult } from '../lib/model/analysisResult.ts';
import type { Progress } from '../lib/model/progress.ts';
import type { HashSetVerdict } from '../lib/hashset/hashSetFinding.ts';
import type { HashSetSummary } from '../lib/store/hashSetHits.ts';
import type { KeywordTermHits } from '../lib/store/keywordHits.ts';
import type { SearchOutcome } from '../lib/store/searchHits.ts';
import type { StoryChain } from '../lib/report/story/storyChain.ts';
import type { ReportOptions } from '../lib/model/reportOptions.ts';
import type { ColumnLayout } from '../lib/model/columnLayout.ts';
import type { AnnotatedItem, TagSummary } from '../lib/model/annotation.ts';
import type { WorkProduct } from '../lib/model/workProduct.ts';
import type { CaseDetails } from '../lib/store/caseDbService.ts';
import type { QueryArgs, QueryName } from '../lib/store/queries/caseQueries.ts';

/** A dropped file with its path inside a dropped folder (or its name when dropped alone). */
export interface EvidenceInput {
  file: File;
  path: string;
}

export interface TriageClient {
  /**
   * Starts a new analysis of exactly these inputs; rejects with AbortError when cancelled. `serverZone` (an IANA
   * zone or an offset such as "+02:00") replaces the guessed server time zone for every time of the run.
   */
  analyze(inputs: EvidenceInput[], onProgress: (p: Progress) => void, signal: AbortSignal, serverZone?: string): Promise<AnalysisResult>;
  /**
   * Full-text search of the case's messages: puts the hits in the case database's temp.search_hits under
   * this query (see src/lib/store/queries/messageQueries.ts) and returns their count, or null when the query has no word.
   */
  searchMessages(query: string): Promise<number | null>;
  /** The same search's outcome: hits and how many the stored text could not confirm, or why the query is not valid. */
  searchOutcome(query: string): Promise<SearchOutcome | null>;
  /** Saved searches live in the case (case_saved_searches); listed with the `savedSearches` query. */
  saveSearch(name: string, query: string): Promise<void>;
  deleteSavedSearch(name: string): Promise<void>;
  /** Runs a keyword list (one term per line): hits per term come back, hits per message go to temp.keyword_hits. */
  runKeywordList(text: string): Promise<{ terms: KeywordTermHits[]; dropped: number }>;
  keywordHitsCsv(): Promise<string>;
  /** Checks a hash set file against every file and attachment of the case (known-bad matches become findings). */
  loadHashSet(name: string, verdict: HashSetVerdict, file: Blob): Promise<HashSetSummary>;
  removeHashSet(name: string): Promise<void>;
  /**
   * A named query of the case database (src/lib/store/queries/caseQueries.ts): the worker builds its SQL from
   * these plain arguments and runs it read-only.
   */
  ask<K extends QueryName>(name: K, ...args: QueryArgs<K>): Promise<QueryResult>;
  /** The SQL console's one statement, read-only (writes are refused with an error); views ask named queries instead. */
  consoleQuery(sql: string): Promise<QueryResult>;
  /** findings.json of the current case, as bytes of UTF-8 JSON. */
  findingsJson(): Promise<string>;
  messageDetail(path: string): Promise<MessageDetail>;
  /** The original bytes of one inventory entry (for downloads and the hex view). */
  readEntry(path: string): Promise<Uint8Array>;
  /** Lines firstLine..lastLine of a log file (1-based, inclusive) whose session matches; re-read on demand. */
  logTranscript(file: string, firstLine: number, lastLine: number, session: number | null): Promise<string[]>;
  /** Examiner workflow writes go through these, never through a query. */
  setBookmark(path: string, tags: string, note: string): Promise<void>;
  removeBookmark(path: string): Promise<void>;
  setFindingNote(findingId: number, note: string): Promise<void>;
  /** Tags and a note on any listed item (messages included: their bookmark). */
  setAnnotation(item: AnnotatedItem, tags: string, note: string): Promise<void>;
  removeAnnotation(item: AnnotatedItem): Promise<void>;
  /** Adds one tag to every item given (bulk tagging of a selection). */
  tagItems(items: AnnotatedItem[], tag: string): Promise<void>;
  /** Bookmarks every item given that is not bookmarked yet (bulk bookmark of a selection). */
  bookmarkItems(items: AnnotatedItem[]): Promise<void>;
  /** Renames a tag everywhere; onto an existing tag it merges the two. */
  renameTag(from: string, to: string): Promise<void>;
  setTagColour(tag: string, colour: string | null): Promise<void>;
  listTags(): Promise<TagSummary[]>;
  /** The examiner's work product (bookmarks, tags, notes, case details), for the autosave; never evidence content. */
  workProduct(): Promise<WorkProduct>;
  restoreWorkProduct(work: WorkProduct): Promise<{ applied: number; skipped: number }>;
  setCaseDetails(details: CaseDetails): Promise<void>;
  /** The case database as a SQLite file (case file: reopen by dropping it back in); recovered secrets only when asked. */
  exportCaseDb(includeSecrets: boolean): Promise<Uint8Array>;
  /** "What happened here": the attack chains the case's findings support, most severe first. */
  story(): Promise<StoryChain[]>;
  htmlReport(): Promise<string>;
  /** The report builder's choices saved in the case (defaults when none were saved). */
  reportOptions(): Promise<ReportOptions>;
  setReportOptions(options: ReportOptions): Promise<void>;
  /** Each table's column layout saved in the case, by table name. */
  columnLayouts(): Promise<Record<string, ColumnLayout>>;
  setColumnLayout(table: string, layout: ColumnLayout): Promise<void>;
  timesketchJsonl(): Promise<string>;
  /** The same events as Timesketch CSV (message, datetime, timestamp_desc first). */
  timesketchCsv(): Promise<string>;
  timelineCsv(): Promise<string>;
  /** A zip of the given messages (and their attachments) with a manifest of hashes. */
  exportMessagesZip(paths: string[]): Promise<Uint8Array>;
}
