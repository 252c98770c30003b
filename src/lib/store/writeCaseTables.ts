/**
 * Writes what the pipeline found into the case_* tables (caseSchema.ts), in one transaction.
 * Secrets (weak passwords, logged credentials) go to case_secrets only, for reveal-on-request.
 */
import type { BindParams, Database } from 'sql.js';
import { CASE_FILE_APPLICATION_ID } from '../ingest/classifyEntry.ts';
import { findingCategory } from '../model/findingCategory.ts';
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import { localToUtc } from '../time/localToUtc.ts';
import { CASE_SCHEMA, CASE_SCHEMA_VERSION } from './caseSchema.ts';
import type { StoredCase } from './storedCase.ts';

type Row = (string | number | null)[];

function insertAll(db: Database, sql: string, rows: Iterable<Row>): void {
  const stmt = db.prepare(sql);
  try {
    for (const row of rows) stmt.run(row as BindParams);
  } finally {
    stmt.free();
  }
}

const bool = (v: boolean): number => (v ? 1 : 0);

function delaySeconds(newer: string | null, older: string | null): number | null {
  if (!newer || !older) return null;
  return (Date.parse(newer) - Date.parse(older)) / 1000;
}

function messageIndicators(findings: Finding[]): Map<string, { types: Set<string>; max: Severity }> {
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

function* messageRows(stored: StoredCase, ids: Map<string, number>): Generator<Row> {
  const links = new Map(stored.caseData.links.map((l) => [l.path, l]));
  const indicators = messageIndicators(stored.findings);
  for (const m of stored.caseData.messages) {
    const link = links.get(m.path);
    const ind = indicators.get(m.path);
    yield [
      ids.get(m.path) ?? null, m.path, m.guid, link?.dbMessageId ?? null, link?.account ?? link?.accountFromPath ?? null,
      link?.folder ?? null, link?.location ?? null, bool(link?.queued ?? false), link?.flags ?? null, link?.uid ?? null,
      link?.createTime ?? null, m.date, m.received[0]?.time ?? null, m.from?.address ?? null, m.from?.name ?? null,
      m.to.map((a) => a.address).join(', '), m.cc.map((a) => a.address).join(', '), m.subject, m.size,
      link?.dbSize ?? null, m.md5, m.sha256, m.attachments.length, bool(m.hasHtml), m.messageId, m.inReplyTo,
      stored.threads[m.path] ?? null, m.spam.score, m.parseError, m.defects.join('; '),
      ind ? [...ind.types].sort().join(',') : '', ind?.max ?? null, m.path,
    ];
  }
}

/**
 * A database row whose file is missing still belongs in the message list (location 'database-only'), so
 * "open these messages" on a missing-file finding shows what the database remembers of it.
 */
function* databaseOnlyRows(stored: StoredCase, firstId: number): Generator<Row> {
  const db = stored.caseData.database;
  if (!db) return;
  const rows = new Map(db.messages.map((m) => [m.id, m]));
  let id = firstId;
  for (const f of stored.findings) {
    if (f.type !== 'missing-file' || !f.ref.message) continue;
    const row = rows.get(Number(f.details.dbMessageId));
    if (!row) continue;
    const d = f.details as { account?: string | null; folder?: string | null };
    yield [
      id++, f.ref.message, null, row.id, d.account ?? null, d.folder ?? null, 'database-only', bool(row.type === 1), row.flags,
      row.uid, row.createTime, null, null, row.from || null, null, '', '', '', null, row.size, null, null, 0, 0, null, null,
      null, null, 'file missing from the evidence', '', 'missing-file', f.severity, null,
    ];
  }
}

function* perMessage<T>(messages: ParsedMessage[], ids: Map<string, number>, pick: (m: ParsedMessage, id: number) => Iterable<T>) {
  for (const m of messages) yield* pick(m, ids.get(m.path) ?? 0);
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

export function writeCaseTables(db: Database, stored: StoredCase): void {
  const { caseData, findings, timeline } = stored;
  const zone = caseData.serverZone;
  const ids = new Map(caseData.messages.map((m, i) => [m.path, i + 1]));
  db.exec(CASE_SCHEMA);
  // Lets intake recognise a saved case file from its header alone (classifyEntry reads this field).
  db.exec(`PRAGMA application_id = ${CASE_FILE_APPLICATION_ID}`);
  db.exec('BEGIN');
  try {
    insertAll(db, 'INSERT OR REPLACE INTO case_meta VALUES (?, ?)', [
      ['schema_version', String(CASE_SCHEMA_VERSION)],
      ['server_zone', JSON.stringify(zone)],
      ['findings_json', stored.findingsJson],
      ['ini', caseData.ini ? JSON.stringify(caseData.ini) : null],
      ['database_source', caseData.database?.source ?? 'none'],
      ['database_path', caseData.database?.path ?? null],
      ['database_schema_version', caseData.database?.schemaVersion?.toString() ?? null],
    ]);
    insertAll(db, 'INSERT INTO case_evidence VALUES (?, ?, ?, ?)', caseData.evidence.map((e) => [e.name, e.size, e.md5, e.sha256]));
    insertAll(
      db,
      'INSERT OR REPLACE INTO case_inventory VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      caseData.inventory.map((e) => [e.path, e.kind, e.format, e.size, e.md5, e.sha256, e.status, e.error ?? null, e.container ?? null, e.modified ?? null]),
    );
    // The body comes from case_bodies (filled while parsing) in the same write: the last value is the path.
    const values = `${Array(32).fill('?').join(', ')}, (SELECT b.body_text FROM case_bodies b WHERE b.path = ?)`;
    const messageInsert = `INSERT OR IGNORE INTO case_messages VALUES (${values})`;
    insertAll(db, messageInsert, messageRows(stored, ids));
    insertAll(db, messageInsert, databaseOnlyRows(stored, caseData.messages.length + 1));
    db.exec('DROP TABLE case_bodies');
    insertAll(db, 'INSERT INTO case_headers VALUES (?, ?, ?, ?)', perMessage(caseData.messages, ids, (m, id) => m.headers.map((h, i): Row => [id, i, h.name, h.value])));
    insertAll(
      db,
      'INSERT INTO case_received VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      perMessage(caseData.messages, ids, (m, id) =>
        m.received.map((h, i): Row => [id, i, h.from, h.fromPtr, h.ip, h.by, h.with, h.time, delaySeconds(h.time, m.received[i + 1]?.time ?? null), h.raw]),
      ),
    );
    insertAll(
      db,
      'INSERT INTO case_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      perMessage(caseData.messages, ids, (m, id) =>
        m.attachments.map((a, i): Row => [
          id, i, a.filename, a.contentType, a.size, a.sha256, a.detectedType, a.archiveEntries?.join('\n') ?? null, a.container ?? null,
        ]),
      ),
    );
    findings.forEach((f, i) => {
      const secret = secretFor(stored, f);
      if (secret !== null) db.run('INSERT INTO case_secrets VALUES (?, ?)', [i + 1, secret]);
    });
    insertAll(
      db,
      'INSERT INTO case_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      findings.map((f, i) => [
        i + 1, f.type, f.severity, findingCategory(f.type), f.summary, f.ref.message ?? null, f.ref.account ?? null,
        f.ref.ip ?? null, f.ref.file ?? null, f.ref.setting ?? null, JSON.stringify(f.details),
      ]),
    );
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
      logs.events.map((e) => [e.kind, e.localTime, localToUtc(e.localTime, zone), e.file, e.lineNo, e.protocol, e.session, e.ip, e.account, e.detail]),
    );
    insertAll(db, 'INSERT INTO case_log_unparsed VALUES (?, ?, ?, ?)', logs.unparsed.map((u) => [u.file, u.lineNo, u.text, u.reason]));
    insertAll(
      db,
      'INSERT INTO case_timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      timeline.map((t) => [t.timeUtc, t.timeLocal, t.type, t.source, t.description, t.refMessage, t.refSession, t.account, t.ip, t.timeZone, t.timeNote]),
    );
    insertAll(db, 'INSERT INTO case_iocs VALUES (?, ?, ?, ?)', stored.iocs.map((i) => [i.kind, i.value, i.messages.length, i.messages.join('\n')]));
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
