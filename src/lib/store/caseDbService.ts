/**
 * The case database and everything asked of it: imports during a run, read-only queries from the views,
 * examiner notes, exports. The caseDb worker exposes exactly this object; Node tests call it directly.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { copyHmailTables } from '../database/copyHmailTables.ts';
import { hmailTableNames, hmailTableRowCounts } from '../database/hmailTableRowCounts.ts';
import { probeSqliteCandidate } from '../database/probeSqliteCandidate.ts';
import { importHmBackupXml } from '../database/importHmBackupXml.ts';
import { importSqlDump } from '../database/importSqlDump.ts';
import { readHmailDatabase } from '../database/readHmailDatabase.ts';
import { sqliteSizeProblem } from '../database/loadSqliteDatabase.ts';
import type { QueryResult } from '../model/analysisResult.ts';
import type { DatabaseSource, HmailDatabase, ImportProblem } from '../model/hmailDatabase.ts';
import type { CaseDbPort, DumpFormat } from '../pipeline/caseDbPort.ts';
import { CASE_SCHEMA } from './caseSchema.ts';
import { exportLiveCase, hasLiveSchema, openLiveCase } from './liveCaseSchema.ts';
import { listTags, removeAnnotation, renameTag, setAnnotation, setTagColour, tagItems } from './annotations.ts';
import type { AnnotatedItem, TagSummary } from '../model/annotation.ts';
import type { WorkProduct } from '../model/workProduct.ts';
import { applyWorkProduct, readWorkProduct } from './workProduct.ts';
import { readOnlyStatementProblem } from './readOnlyStatement.ts';
import { createPushStream, type PushStream } from './pushStream.ts';
import { appendFindings, messageIndicators, writeCaseRows, writeCaseTables, type MessageIndicators } from './writeCaseTables.ts';
import { gunzipText } from './gzipText.ts';
import { migrateCaseFile } from './migrateCaseFile.ts';
import { appendMessages } from './appendMessages.ts';
import { indexStoredMessages } from './indexStoredMessages.ts';
import { createSearchHits, type SearchOutcome } from './searchHits.ts';
import { loadHashSet, removeHashSet, type HashSetSummary } from './hashSetHits.ts';
import { blobTextChunks } from './blobTextChunks.ts';
import type { HashSetVerdict } from '../hashset/hashSetFinding.ts';
import { keywordList } from '../search/keywordList.ts';
import { forgetKeywordHits, keywordHitsCsv, runKeywordHits, type KeywordTermHits } from './keywordHits.ts';
import { createSearchIndex, type SearchIndex } from './searchIndex.ts';
import { htmlReport } from '../report/htmlReport.ts';
import { reportInput } from './reportInput.ts';
import { caseStory } from './caseStory.ts';
import type { StoryChain } from '../report/story/storyChain.ts';
import { reportOptionsFrom, reportOptionsFromJson, type ReportOptions } from '../model/reportOptions.ts';
import { timelineCsv } from '../report/timelineCsv.ts';
import { timesketchCsv } from '../report/timesketchCsv.ts';
import { timesketchJsonl } from '../report/timesketchJsonl.ts';
import { timelineEvents } from './timelineEvents.ts';
import { ensureTimelineBuckets } from './timelineBuckets.ts';
import type { StoredCase, StoredCaseRows } from './storedCase.ts';

/** The SQL console returns at most this many rows, so one careless SELECT cannot freeze the page. */
export const QUERY_ROW_LIMIT = 10_000;

export interface CaseDetails {
  examiner: string;
  caseNumber: string;
  notes: string;
}

interface LoadedSource {
  source: DatabaseSource;
  path: string;
  problems: ImportProblem[];
}

interface RunningDump {
  push: PushStream;
  done: Promise<ImportProblem[]>;
}

type Params = (string | number | null)[];

function isCaseFile(db: Database): boolean {
  const r = db.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_meta'");
  return r.length > 0;
}

export function createCaseDbService(SQL: SqlJsStatic, version = '0.0.0') {
  let db: Database = new SQL.Database();
  let loaded: LoadedSource | null = null;
  let dump: RunningDump | null = null;
  let index: SearchIndex = createSearchIndex();
  /** What storeCase learnt of the findings, for the message rows storeCaseRows updates after it. */
  let indicators: MessageIndicators = new Map();
  const searches = createSearchHits();

  const meta = (key: string): string | null => {
    const r = db.exec('SELECT value FROM case_meta WHERE key = ?', [key]);
    return (r[0]?.values[0]?.[0] as string | null | undefined) ?? null;
  };
  const setMeta = (key: string, value: string) => db.run('INSERT OR REPLACE INTO case_meta VALUES (?, ?)', [key, value]);

  const port: CaseDbPort = {
    async reset() {
      searches.forget(null);
      db.close();
      db = openLiveCase(SQL);
      index = createSearchIndex();
      loaded = null;
      dump = null;
    },
    async probeSqlite(bytes, path) {
      return probeSqliteCandidate(SQL, path, bytes);
    },
    async hmailTableCounts() {
      return hmailTableRowCounts(db);
    },
    async dropHmailTables() {
      for (const name of hmailTableNames(db)) db.exec(`DROP TABLE "${name}"`);
      loaded = null;
    },
    async importSqlite(bytes, path) {
      const tooBig = sqliteSizeProblem(bytes.length);
      if (tooBig) {
        loaded = { source: 'sqlite', path, problems: [{ line: 0, statement: '', reason: tooBig }] };
        return loaded.problems;
      }
      const source = new SQL.Database(bytes);
      try {
        const problems = copyHmailTables(source, db);
        loaded = { source: 'sqlite', path, problems };
        return problems;
      } catch (err) {
        const problems = [{ line: 0, statement: '', reason: `not a readable SQLite database: ${(err as Error).message}` }];
        loaded = { source: 'sqlite', path, problems };
        return problems;
      } finally {
        source.close();
      }
    },
    async beginDump(format: DumpFormat, path: string) {
      const push = createPushStream();
      const done = importSqlDump(db, push.stream, format, {});
      loaded = { source: format, path, problems: [] };
      dump = { push, done };
    },
    async dumpChunk(chunk) {
      if (!dump) throw new Error('dumpChunk before beginDump');
      await dump.push.push(chunk);
    },
    async endDump() {
      if (!dump) throw new Error('endDump before beginDump');
      dump.push.close();
      const problems = await dump.done;
      if (loaded) loaded.problems = problems;
      dump = null;
      return problems;
    },
    async importBackupXml(xml, path) {
      const problems = importHmBackupXml(db, xml);
      loaded = { source: 'backup-xml', path, problems };
      return problems;
    },
    async readHmailDatabase(): Promise<HmailDatabase | null> {
      if (!loaded) return null;
      return readHmailDatabase(db, loaded.source, loaded.path, loaded.problems);
    },
    async appendMessages(batch) {
      appendMessages(db, index, batch);
      searches.forget(db);
      forgetKeywordHits(db);
    },
    async appendFindings(findings) {
      appendFindings(db, findings);
    },
    async storeCase(stored: StoredCase) {
      writeCaseTables(db, stored);
      indicators = messageIndicators(stored.findings);
    },
    async storeCaseRows(rows: StoredCaseRows) {
      writeCaseRows(db, rows, indicators);
    },
  };

  return {
    ...port,
    /** Read-only: one statement, run with PRAGMA query_only so no write can reach the case database. */
    async query(sql: string, params: Params = []): Promise<QueryResult> {
      let statements = 0;
      for (const stmt of db.iterateStatements(sql)) {
        statements++;
        stmt.free();
      }
      if (statements !== 1) throw new Error(`Exactly one SQL statement is allowed (found ${statements}).`);
      const problem = readOnlyStatementProblem(sql);
      if (problem) throw new Error(`Refused: the case database is read-only here (${problem}).`);
      db.exec('PRAGMA query_only = ON');
      const stmt = db.prepare(sql);
      try {
        stmt.bind(params as SqlValue[]);
        const rows: (string | number | null)[][] = [];
        let truncated = false;
        while (stmt.step()) {
          if (rows.length >= QUERY_ROW_LIMIT) {
            truncated = true;
            break;
          }
          rows.push(stmt.get().map((v) => (v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v)));
        }
        return { columns: stmt.getColumnNames(), rows, ...(truncated ? { truncated } : {}) };
      } catch (err) {
        const message = (err as Error).message;
        throw new Error(/readonly|query_only/i.test(message) ? `Refused: the case database is read-only here (${message}).` : message);
      } finally {
        stmt.free();
        db.exec('PRAGMA query_only = OFF');
      }
    },
    /**
     * Full-text search: the ids of the messages matching `query` go to temp.search_hits under that query
     * (searchHits.ts); the count, or null when the query has no searchable term.
     */
    async searchMessages(query: string): Promise<number | null> {
      return searches.run(db, index, query);
    },
    /** The outcome of a search (searchHits.ts): hits, how many are unconfirmed, or why the query is not valid. */
    async searchOutcome(query: string): Promise<SearchOutcome | null> {
      return searches.outcome(db, index, query);
    },
    /**
     * A keyword list as pasted or loaded (keywordList.ts): each term searched as a query; its hits go to
     * temp.keyword_hits (term, id, certain) for the views, replacing the previous list's, and the summary
     * per term comes back with the count of terms left out past the limit.
     */
    async runKeywordList(text: string): Promise<{ terms: KeywordTermHits[]; dropped: number }> {
      const list = keywordList(text);
      return { terms: runKeywordHits(db, index, list.terms), dropped: list.dropped };
    },
    /** The last keyword list's hits, one CSV row per message and term. */
    async keywordHitsCsv(): Promise<string> {
      return keywordHitsCsv(db);
    },
    /**
     * Checks a hash set (plain list, CSV with a hash column, NSRL RDS CSV) against every file and attachment
     * of the case; matches of a known-bad set become hash-set-match findings (hashSetHits.ts).
     */
    async loadHashSet(name: string, verdict: HashSetVerdict, file: Blob, nowIso: string): Promise<HashSetSummary> {
      return loadHashSet(db, name, verdict, blobTextChunks(file), nowIso);
    },
    async removeHashSet(name: string) {
      removeHashSet(db, name);
    },
    /** Saves (or replaces) a named search in the case; saved searches travel with the case file. */
    async saveSearch(name: string, query: string, nowIso: string) {
      db.run('INSERT OR REPLACE INTO case_saved_searches VALUES (?, ?, ?)', [name, query, nowIso]);
    },
    async deleteSavedSearch(name: string) {
      db.run('DELETE FROM case_saved_searches WHERE name = ?', [name]);
    },
    async findingsJson(): Promise<string> {
      const r = db.exec("SELECT value FROM case_meta WHERE key = 'findings_json_gz'");
      const gz = r[0]?.values[0]?.[0];
      // Case files written before findings.json was compressed keep it as text.
      return gz instanceof Uint8Array ? gunzipText(gz) : (meta('findings_json') ?? '');
    },
    /**
     * The case file. Recovered secrets (cleartext passwords, logged credentials) stay out of it unless the
     * examiner asks: they are dropped from a copy with secure_delete and VACUUM, so no free page keeps them.
     */
    async exportDb(options: { includeSecrets?: boolean } = {}): Promise<Uint8Array> {
      const bytes = hasLiveSchema(db) ? exportLiveCase(SQL, db) : db.export();
      if (options.includeSecrets) return bytes;
      const copy = new SQL.Database(bytes);
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
      const candidate = new SQL.Database(bytes);
      let caseFile = false;
      try {
        caseFile = isCaseFile(candidate);
      } catch {
        // A corrupt body behind a valid header: not a case file we can open; intake reports it as a database.
      }
      if (!caseFile) {
        candidate.close();
        return false;
      }
      searches.forget(null);
      db.close();
      db = candidate;
      migrateCaseFile(db);
      db.exec(CASE_SCHEMA);
      ensureTimelineBuckets(db);
      index = indexStoredMessages(db);
      return true;
    },
    async setBookmark(path: string, tags: string, note: string, nowIso: string) {
      setAnnotation(db, { kind: 'message', key: path }, tags, note, nowIso);
    },
    async removeBookmark(path: string) {
      removeAnnotation(db, { kind: 'message', key: path });
    },
    async setAnnotation(item: AnnotatedItem, tags: string, note: string, nowIso: string) {
      setAnnotation(db, item, tags, note, nowIso);
    },
    async removeAnnotation(item: AnnotatedItem) {
      removeAnnotation(db, item);
    },
    async tagItems(items: AnnotatedItem[], tag: string, nowIso: string) {
      tagItems(db, items, tag, nowIso);
    },
    async renameTag(from: string, to: string) {
      renameTag(db, from, to);
    },
    async setTagColour(tag: string, colour: string | null) {
      setTagColour(db, tag, colour);
    },
    async listTags(): Promise<TagSummary[]> {
      return listTags(db);
    },
    async workProduct(): Promise<WorkProduct> {
      return readWorkProduct(db);
    },
    async restoreWorkProduct(work: WorkProduct): Promise<{ applied: number; skipped: number }> {
      return applyWorkProduct(db, work);
    },
    async setFindingNote(findingId: number, note: string) {
      db.run('INSERT OR REPLACE INTO case_finding_notes VALUES (?, ?)', [findingId, note]);
    },
    async setCaseDetails(details: CaseDetails) {
      setMeta('case_details', JSON.stringify(details));
    },
    /** The report builder's choices, saved in the case (case_meta report_options) so a reopened case prints the same report. */
    async setReportOptions(options: ReportOptions) {
      setMeta('report_options', JSON.stringify(reportOptionsFrom(options)));
    },
    async reportOptions(): Promise<ReportOptions> {
      return reportOptionsFromJson(meta('report_options'));
    },
    /** "What happened here": the attack chains the findings support (src/lib/report/story). */
    async story(): Promise<StoryChain[]> {
      return caseStory(db);
    },
    async htmlReport(): Promise<string> {
      return htmlReport(reportInput(db, version, new Date().toISOString()));
    },
    async timesketchJsonl(): Promise<string> {
      return timesketchJsonl(timelineEvents(db));
    },
    async timesketchCsv(): Promise<string> {
      return timesketchCsv(timelineEvents(db));
    },
    async timelineCsv(): Promise<string> {
      return timelineCsv(timelineEvents(db));
    },
  };
}

export type CaseDbService = ReturnType<typeof createCaseDbService>;
