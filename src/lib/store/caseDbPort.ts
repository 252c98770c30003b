/**
 * What the pipeline needs of the case database. In the browser it is the caseDb worker (through Comlink);
 * in Node tests it is the same service object called directly.
 */
import type { DatabaseCandidate } from '../database/scoreHmailDatabase.ts';
import type { Finding } from '../model/finding.ts';
import type { HmailDatabase, ImportProblem } from '../model/hmailDatabase.ts';
import type { AppendedMessage } from './appendMessages.ts';
import type { StoredCase, StoredCaseRows } from './storedCase.ts';

export type DumpFormat = 'mysql-dump' | 'pgsql-dump' | 'mssql-script';

export interface CaseDbPort {
  /** Drops everything: a new analysis starts from an empty case database. */
  reset(): Promise<void>;
  /** What an evidence SQLite file offers as the case database, without loading it (scoreHmailDatabase). */
  probeSqlite(bytes: Uint8Array, path: string): Promise<DatabaseCandidate>;
  /** Row counts of the hm_* tables loaded so far (lower-case names). */
  hmailTableCounts(): Promise<Record<string, number>>;
  /** Drops every hm_* table and forgets the loaded source: another database replaces it. */
  dropHmailTables(): Promise<void>;
  /** Brings the hm_* tables of an evidence SQLite file in (the bytes are a copy; the evidence is not touched). */
  importSqlite(bytes: Uint8Array, path: string): Promise<ImportProblem[]>;
  /** A streamed dump import: begin, then chunks in order, then end for the problems found. */
  beginDump(format: DumpFormat, path: string): Promise<void>;
  dumpChunk(chunk: Uint8Array): Promise<void>;
  endDump(): Promise<ImportProblem[]>;
  importBackupXml(xml: string, path: string): Promise<ImportProblem[]>;
  /** The hm_* tables decoded, or null when no database was loaded. */
  readHmailDatabase(): Promise<HmailDatabase | null>;
  /**
   * Parsed messages as they come, in batches: their rows are written and their tokens indexed at once, so
   * the run keeps only compact summaries and the views can list messages before the run ends.
   */
  appendMessages(batch: AppendedMessage[]): Promise<void>;
  /** The end of a run: findings, logs, settings and findings.json; then storeCaseRows for the bulk, in slices. */
  /** Findings found while the run goes on (provisionalFindings): listed at once, replaced by storeCase. */
  appendFindings(findings: Finding[]): Promise<void>;
  storeCase(stored: StoredCase): Promise<void>;
  storeCaseRows(rows: StoredCaseRows): Promise<void>;
}
