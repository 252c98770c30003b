/**
 * Writes what the pipeline found into the case_* tables (caseSchema.ts), in one transaction.
 * Secrets (weak passwords, logged credentials) go to case_secrets only, for reveal-on-request.
 */
import type { BindParams, Database } from 'sql.js';
import { CASE_FILE_APPLICATION_ID } from '../ingest/classifyEntry.ts';
import { findingCategory } from '../model/findingCategory.ts';
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.ts';
import { logTimeIso } from '../time/logTime.ts';
import { CASE_SCHEMA_VERSION } from './caseSchema.ts';
import type { SavedAnalysisCounts } from './reopenedCounts.ts';
import { inTransaction } from './inTransaction.ts';
import { createMessageIndexes } from './liveCaseSchema.ts';
import { countTimelineBuckets } from './timelineBuckets.ts';
import type { StoredCase, StoredCaseRows } from './storedCase.ts';

type Row = (string | number | Uint8Array | null)[];

function insertAll(db: Database, sql: string, rows: Iterable<Row>): void {
  const stmt = db.prepare(sql);
  try {
    for (const row of rows) stmt.run(row as BindParams);
  } finally {
    stmt.free();
  }
}

const bool = (v: boolean): number => (v ? 1 : 0);

const INSERT_FINDING = 'INSERT INTO case_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

function findingRow(f: Finding, id: number): Row {
  return [
    id, f.type, f.severity, findingCategory(f.type), f.summary, f.ref.message ?? null, f.ref.account ?? null,
    f.ref.ip ?? null, f.ref.file ?? null, f.ref.setting ?? null, JSON.stringify(f.details),
  ];
}

export type MessageIndicators = Map<string, { types: Set<string>; max: Severity }>;

/** The finding types and highest severity per message path, for the case_messages columns storeCaseRows fills. */
export function messageIndicators(findings: Finding[]): MessageIndicators {
  const byPath = new Map<string, { types: Set<string>; max: Severity }>();
  for (const f of findings) {
    const path = f.ref.message;
    if (!path) continue;
    const seen = byPath.get(path) ?? { types: new Set<string>(), max: 'info' as Severity };
    seen.types.add(f.type);
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.max]) seen.max = f.severity;
    byPath.set(path, seen);
  }
  return byPath;
}

/**
 * What only the end of the run knows of each message already in case_messages (appendMessages). Every
 * message file has a link; a link whose file was not parsed updates nothing.
 */
function* messageUpdates(links: NonNullable<StoredCaseRows['links']>, indicators: MessageIndicators): Generator<Row> {
  for (const { link, threadId } of links) {
    const ind = indicators.get(link.path);
    yield [
      link.dbMessageId, link.account ?? link.accountFromPath, link.folder, link.location, bool(link.queued), link.flags, link.uid,
      link.createTime, link.dbSize, threadId, ind ? [...ind.types].sort().join(',') : '', ind?.max ?? null, link.path,
    ];
  }
}

/**
 * A database row whose file is missing still belongs in the message list (location 'database-only'), so
 * "open these messages" on a missing-file finding shows what the database remembers of it.
 */
function* databaseOnlyRows(stored: StoredCase): Generator<Row> {
  const db = stored.caseData.database;
  if (!db) return;
  const rows = new Map(db.messages.map((m) => [m.id, m]));
  for (const f of stored.findings) {
    if (f.type !== 'missing-file' || !f.ref.message) continue;
    const row = rows.get(Number(f.details.dbMessageId));
    if (!row) continue;
    const d = f.details as { account?: string | null; folder?: string | null };
    yield [
      null, f.ref.message, null, row.id, d.account ?? null, d.folder ?? null, 'database-only', bool(row.type === 1), row.flags,
      row.uid, row.createTime, null, null, row.from || null, null, '', '', '', null, row.size, null, null, 0, 0, null, null,
      null, null, 'file missing from the evidence', '', 'missing-file', f.severity, null, null,
    ];
  }
}

function secretFor(stored: StoredCase, f: Finding): string | null {
  if (f.type === 'weak-password') {
    return stored.caseData.weakPasswords.find((w) => w.account.toLowerCase() === f.ref.account?.toLowerCase())?.password ?? null;
  }
  if (f.type === 'credential-exposed-in-log') {
    const c = stored.caseData.logs.credentials.find((x) => x.account === f.ref.account && x.file === f.ref.file);
    return c?.secret ?? null;
  }
  return null;
}

/**
 * What the run counted that the case tables alone cannot give back: log lines outside any session, and
 * message files told apart from the database rows listed without one. A reopened case shows these.
 */
function analysisCounts(db: Database, caseData: StoredCase['caseData']): SavedAnalysisCounts {
  const files = db.exec("SELECT count(*) FROM case_messages WHERE location IS NOT 'database-only'")[0]?.values[0]?.[0];
  return { messageFiles: Number(files ?? 0), logLines: caseData.logs.files.reduce((n, f) => n + f.lines, 0) };
}

export function writeCaseTables(db: Database, stored: StoredCase): void {
  const { caseData, findings } = stored;
  const zone = caseData.serverZone;
  // Lets intake recognise a saved case file from its header alone (classifyEntry reads this field).
  db.exec(`PRAGMA application_id = ${CASE_FILE_APPLICATION_ID}`);
  inTransaction(db, () => {
    insertAll(db, 'INSERT OR REPLACE INTO case_meta VALUES (?, ?)', [
      ['schema_version', String(CASE_SCHEMA_VERSION)],
      ['server_zone', JSON.stringify(zone)],
      ['findings_json_gz', stored.findingsJsonGz],
      ['server', JSON.stringify(stored.server)],
      ['ini', caseData.ini ? JSON.stringify(caseData.ini) : null],
      ['database_source', caseData.database?.source ?? 'none'],
      ['database_path', caseData.database?.path ?? null],
      ['database_schema_version', caseData.database?.schemaVersion?.toString() ?? null],
    ]);
    insertAll(db, 'INSERT INTO case_evidence VALUES (?, ?, ?, ?)', caseData.evidence.map((e) => [e.name, e.size, e.md5, e.sha256]));
    // A database row without its file is listed too (rowid after every message file's: ids stay as appended).
    insertAll(db, `INSERT OR IGNORE INTO case_messages VALUES (${Array(34).fill('?').join(', ')})`, databaseOnlyRows(stored));
    db.run('INSERT OR REPLACE INTO case_meta VALUES (?, ?)', ['analysis_counts', JSON.stringify(analysisCounts(db, caseData))]);
    findings.forEach((f, i) => {
      const secret = secretFor(stored, f);
      if (secret !== null) db.run('INSERT INTO case_secrets VALUES (?, ?)', [i + 1, secret]);
    });
    // The findings listed while the run went on (appendFindings) give way to the whole case's.
    db.exec('DELETE FROM case_findings');
    insertAll(db, INSERT_FINDING, findings.map((f, i) => findingRow(f, i + 1)));
    const logs = caseData.logs;
    insertAll(
      db,
      'INSERT OR REPLACE INTO case_log_sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      logs.sessions.map((s) => [
        s.key, s.file, s.protocol, s.session, s.ip, s.start, s.end, s.helo, s.authUser, s.authResult, s.mailFrom,
        s.rcptTo.join(', '), s.responses.join('\n'), s.bytes, s.lineCount, s.firstLine, s.lastLine,
      ]),
    );
    insertAll(
      db,
      'INSERT INTO case_log_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      logs.events.map((e) => [e.kind, e.localTime, logTimeIso(logs, zone, e), e.file, e.lineNo, e.protocol, e.session, e.ip, e.account, e.detail]),
    );
    insertAll(db, 'INSERT INTO case_log_unparsed VALUES (?, ?, ?, ?)', logs.unparsed.map((u) => [u.file, u.lineNo, u.text, u.reason]));
    // Each value once, with the messages it was seen in (path order), from the hits appendMessages wrote.
    db.exec(`INSERT INTO case_iocs
      SELECT kind, value, count(*), group_concat(path, char(10) ORDER BY path) FROM
        (SELECT DISTINCT h.kind, h.value, m.path FROM case_ioc_hits h JOIN case_messages m ON m.id = h.message_id)
      GROUP BY kind, value ORDER BY kind, value`);
    db.exec('DELETE FROM case_ioc_hits');
  });
}

/** One slice of StoredCaseRows, in a transaction of its own, after writeCaseTables. */
export function writeCaseRows(db: Database, rows: StoredCaseRows, indicators: MessageIndicators): void {
  inTransaction(db, () => {
    insertAll(
      db,
      'INSERT OR REPLACE INTO case_inventory VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      (rows.inventory ?? []).map((e) => [e.path, e.kind, e.format, e.size, e.md5, e.sha256, e.status, e.error ?? null, e.container ?? null, e.modified ?? null, e.sha1 ?? null]),
    );
    insertAll(
      db,
      'UPDATE case_messages SET db_message_id = ?, account = ?, folder = ?, location = ?, queued = ?, flags = ?, uid = ?, ' +
        'create_time_local = ?, db_size = ?, thread_id = ?, indicators = ?, max_severity = ? WHERE path = ?',
      messageUpdates(rows.links ?? [], indicators),
    );
    insertAll(
      db,
      'INSERT INTO case_timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      (rows.timeline ?? []).map((t) => [t.timeUtc, t.timeLocal, t.type, t.source, t.description, t.refMessage, t.refSession, t.account, t.ip, t.timeZone, t.timeNote]),
    );
    if (rows.last) countTimelineBuckets(db);
  });
  if (rows.last) createMessageIndexes(db);
}

/**
 * Findings found while the run goes on, after those already listed, with their messages' indicator
 * columns: every finding of a perMessage analyzer on a message comes in the same call.
 */
export function appendFindings(db: Database, findings: Finding[]): void {
  inTransaction(db, () => {
    const last = Number(db.exec('SELECT coalesce(max(id), 0) FROM case_findings')[0]?.values[0]?.[0] ?? 0);
    insertAll(db, INSERT_FINDING, findings.map((f, i) => findingRow(f, last + i + 1)));
    insertAll(
      db,
      'UPDATE case_messages SET indicators = ?, max_severity = ? WHERE path = ?',
      [...messageIndicators(findings)].map(([path, ind]) => [[...ind.types].sort().join(','), ind.max, path]),
    );
  });
}
