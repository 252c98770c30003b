/**
 * A TriageClient backed by a real sql.js database: the sample case's hMailServer tables plus case_* rows,
 * so the view queries are checked against hMailServer's real schema rather than a hand-written mock.
 */
import JSZip from 'jszip';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { vi } from 'vitest';
import { FINDING_TYPES, type FindingType, type Severity } from '../../src/lib/model/finding.ts';
import { findingCategory } from '../../src/lib/model/findingCategory.ts';
import { CASE_SCHEMA } from '../../src/lib/store/caseSchema.ts';
import { indexStoredMessages } from '../../src/lib/store/indexStoredMessages.ts';
import { createSearchHits } from '../../src/lib/store/searchHits.ts';
import { HM_COLUMNS_SQL, HmColumns } from '../../src/lib/store/queries/hmColumns.ts';
import type { TriageClient } from '../../src/ui/triageClient.ts';
import { expectedFindings, sampleBytes } from '../helpers/sharedSamples.ts';
import { mockClient, type MockOptions, type SqlRunner } from './mockClient.ts';

const SQLITE_PATH = 'hMailServer/Database/hMailServer-converted.sqlite';

/** The database's hm_* columns, read as the caseDb worker reads them for a named query. */
function hmColumnsOf(db: Database): HmColumns {
  return HmColumns.fromRows((db.exec(HM_COLUMNS_SQL)[0]?.values ?? []) as (string | number | null)[][]);
}

/** Runs one statement read-only on the database, as the views only read. */
export function sqlRunner(db: Database): SqlRunner {
  return async (sql, params = []) => {
    db.exec('PRAGMA query_only = ON');
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params as SqlValue[]);
      const rows: (string | number | null)[][] = [];
      while (stmt.step()) rows.push(stmt.get() as (string | number | null)[]);
      return { columns: stmt.getColumnNames(), rows };
    } finally {
      stmt.free();
      db.exec('PRAGMA query_only = OFF');
    }
  };
}

/**
 * Every query runs read-only (sqlRunner); overrides stand in for the client's writing calls, and `query` for
 * the statement runner (to watch or break it).
 */
export function sqlClient(db: Database, overrides: Partial<TriageClient> & MockOptions = {}): TriageClient {
  const hits = createSearchHits();
  return mockClient({
    hm: () => hmColumnsOf(db),
    query: vi.fn(sqlRunner(db)),
    searchMessages: vi.fn(async (query: string) => hits.run(db, indexStoredMessages(db), query)),
    ...overrides,
  });
}

export async function emptyCaseDb(): Promise<Database> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(CASE_SCHEMA);
  return db;
}

function severityOf(type: FindingType): Severity {
  if (type === 'weak-password' || type === 'credential-exposed-in-log' || type === 'dkim-body-hash-mismatch') return 'high';
  if (type === 'dkim-signature-valid' || type === 'attachment-removed-by-server') return 'info';
  return 'medium';
}

/** The sample's SQLite database with case_* tables filled from its expected findings. */
export async function sampleCaseDb(): Promise<Database> {
  const SQL = await initSqlJs();
  const zip = await JSZip.loadAsync(sampleBytes('sample-case.zip'));
  const sqlite = zip.file(SQLITE_PATH);
  if (!sqlite) throw new Error(`${SQLITE_PATH} is not in sample-case.zip`);
  const db = new SQL.Database(await sqlite.async('uint8array'));
  db.exec(CASE_SCHEMA);
  expectedFindings().findings.forEach((f, i) => {
    const type = f.type as FindingType;
    if (!FINDING_TYPES.includes(type)) throw new Error(`unknown finding type ${f.type}`);
    db.run('INSERT INTO case_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      i + 1, type, severityOf(type), findingCategory(type), `${type} planted in the sample`, f.ref.message ?? null,
      f.ref.account ?? null, f.ref.ip ?? null, f.ref.file ?? null, f.ref.setting ?? null, JSON.stringify(f.details ?? { planted: true }),
    ]);
    if (type === 'weak-password' && f.ref.account?.startsWith('bob')) db.run('INSERT INTO case_secrets VALUES (?, ?)', [i + 1, 'Summer2024']);
  });
  db.run(
    `INSERT INTO case_messages (id, path, account, folder, size) VALUES
     (1, 'hMailServer/Data/northwind.example/alice/3A/{3A}.eml', 'alice@northwind.example', 'INBOX', 500),
     (2, 'hMailServer/Data/northwind.example/alice/3B/{3B}.eml', 'alice@northwind.example', 'INBOX.Invoices', 700),
     (3, 'hMailServer/Data/northwind.example/bob/3C/{3C}.eml', 'bob@northwind.example', 'INBOX', 900)`,
  );
  db.run(
    `INSERT INTO case_inventory (path, kind, format, size, md5, sha256, status, error) VALUES
     ('sample-case.zip', 'archive', 'zip', 1000, 'aa', 'bb', 'ok', NULL),
     ('sample-case.zip/hMailServer/Logs/hmailserver_2024-05-12.log', 'log', 'hmail-log', 500, 'cc', 'dd', 'ok', NULL),
     ('sample-case.zip/broken.zip', 'archive', 'zip', 10, 'ee', 'ff', 'error', 'central directory not found')`,
  );
  db.run("INSERT INTO case_evidence VALUES ('sample-case.zip', 1000, 'aa', 'bb')");
  db.run("INSERT INTO case_meta VALUES ('database_source', 'sqlite'), ('database_path', ?), ('database_schema_version', '5601')", [
    `sample-case.zip/${SQLITE_PATH}`,
  ]);
  // A nested folder, so full paths from the parent chain are exercised.
  db.run("INSERT INTO hm_imapfolders VALUES (100, 1, 1, 'Invoices', 1, '2024-05-07 09:00:00', 2)");
  return db;
}
