/**
 * The object the caseDb worker exposes (src/lib/store/caseDbService.ts), called directly: the SQL console's
 * read-only guard and row limit, saving and reopening a case file, and re-deriving UTC times for a new
 * server offset. Runs on the built-in demo evidence.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaseDbService, type CaseDbService } from '../../src/lib/store/caseDbService.ts';
import { QUERY_ROW_LIMIT } from '../../src/lib/store/service/readOnlyQuery.ts';
import { LIVE_SCHEMA } from '../../src/lib/store/liveCaseSchema.ts';
import { CASE_FILE_APPLICATION_ID } from '../../src/lib/ingest/classifyEntry.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../helpers/demoEvidence.ts';
import { fileInput, nodeTriage } from '../helpers/nodeTriage.ts';

let SQL: SqlJsStatic;

async function demoCase(): Promise<{ caseDb: CaseDbService; findings: number }> {
  const { outcome, caseDb } = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
  return { caseDb, findings: outcome.findings.length };
}

async function emptyCase(): Promise<CaseDbService> {
  const caseDb = createCaseDbService(SQL, 'test');
  await caseDb.reset();
  return caseDb;
}

const scalar = async (db: CaseDbService, sql: string) => (await db.consoleQuery(sql)).rows[0][0];
const SERVER_ZONE = "SELECT value FROM case_meta WHERE key = 'server_zone'";

beforeAll(async () => {
  SQL = await initSqlJs();
}, 30_000);

describe('consoleQuery() refuses writes', () => {
  let caseDb: CaseDbService;
  let findings: number;
  beforeAll(async () => {
    ({ caseDb, findings } = await demoCase());
    expect(findings).toBeGreaterThan(0);
  }, 60_000);

  const writes = [
    "INSERT INTO case_meta VALUES ('planted', 'x')",
    "UPDATE case_findings SET severity = 'info'",
    'DELETE FROM case_findings',
    'DROP TABLE case_findings',
    'CREATE TABLE planted (x)',
    'CREATE TEMP TABLE planted (x)',
    'PRAGMA user_version = 7',
    'VACUUM',
    'WITH doomed AS (SELECT id FROM case_findings) DELETE FROM case_findings WHERE id IN (SELECT id FROM doomed)',
  ];
  for (const sql of writes) {
    it(`refuses: ${sql}`, async () => {
      await expect(caseDb.consoleQuery(sql)).rejects.toThrow(/^Refused: the case database is read-only here/);
    });
  }

  const multi = ['SELECT 1; DELETE FROM case_findings', 'SELECT 1; SELECT 2', "SELECT 1; ATTACH DATABASE ':memory:' AS planted"];
  for (const sql of multi) {
    it(`refuses more than one statement: ${sql}`, async () => {
      await expect(caseDb.consoleQuery(sql)).rejects.toThrow('Exactly one SQL statement is allowed (found 2).');
    });
  }

  it('still answers SELECTs afterwards, with nothing changed', async () => {
    for (const sql of writes) await caseDb.consoleQuery(sql).catch(() => null);
    expect(await scalar(caseDb, 'SELECT count(*) FROM case_findings')).toBe(findings);
    expect(await scalar(caseDb, "SELECT count(*) FROM sqlite_master WHERE name = 'planted'")).toBe(0);
    expect(await scalar(caseDb, "SELECT count(*) FROM case_meta WHERE key = 'planted'")).toBe(0);
    expect(await scalar(caseDb, 'PRAGMA user_version')).toBe(0);
  });

  it('leaves the service itself able to write after a refusal (query_only is switched back off)', async () => {
    await expect(caseDb.consoleQuery('DELETE FROM case_bookmarks')).rejects.toThrow(/^Refused/);
    await caseDb.setBookmark('a.eml', 'tag', 'note', '2024-06-01T00:00:00.000Z');
    expect((await caseDb.consoleQuery('SELECT path, tags, note FROM case_bookmarks')).rows).toEqual([['a.eml', 'tag', 'note']]);
  });

  it('shows blobs as their size', async () => {
    expect((await caseDb.consoleQuery("SELECT x'00ff10'")).rows).toEqual([['<3 bytes>']]);
  });
});

describe('consoleQuery() refuses statements that change the connection rather than the data', () => {
  // PRAGMA query_only does not cover these: each leaves the connection altered (an attached file, a schema
  // that may be written, the guard itself off, an open transaction) after query() returns.
  const connectionChanges = [
    "ATTACH DATABASE ':memory:' AS planted",
    'PRAGMA writable_schema = ON',
    'PRAGMA query_only = OFF',
    'BEGIN',
  ];
  for (const sql of connectionChanges) {
    it(`refuses: ${sql}`, async () => {
      const caseDb = await emptyCase();
      await expect(caseDb.consoleQuery(sql)).rejects.toThrow(/refused|read-only|not allowed/i);
      // main and the run's in-memory case schema (liveCaseSchema.ts), nothing the refused statement attached.
      expect((await caseDb.consoleQuery('PRAGMA database_list')).rows.map((r) => r[1])).toEqual(['main', LIVE_SCHEMA]);
    });
  }
});

describe('consoleQuery() row limit', () => {
  const numbers = (n: number) => `WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq LIMIT ${n}) SELECT x FROM seq`;

  it(`cuts a result at ${QUERY_ROW_LIMIT} rows and says so`, async () => {
    const result = await (await emptyCase()).consoleQuery(numbers(QUERY_ROW_LIMIT + 1));
    expect(result.rows).toHaveLength(QUERY_ROW_LIMIT);
    expect(result.rows.at(-1)).toEqual([QUERY_ROW_LIMIT]);
    expect(result.truncated).toBe(true);
  });

  it('does not flag a result of exactly the limit', async () => {
    const result = await (await emptyCase()).consoleQuery(numbers(QUERY_ROW_LIMIT));
    expect(result.rows).toHaveLength(QUERY_ROW_LIMIT);
    expect(result).not.toHaveProperty('truncated');
    expect(result.columns).toEqual(['x']);
  });
});

describe('openCaseFile', () => {
  let caseDb: CaseDbService;
  let saved: Uint8Array;
  const allFindings = 'SELECT * FROM case_findings ORDER BY id';
  const layout = { order: ['subject', 'date'], hidden: ['account'], widths: { from: 260 } };
  beforeAll(async () => {
    ({ caseDb } = await demoCase());
    await caseDb.setFindingNote(1, 'examiner note');
    await caseDb.setColumnLayout('messages', layout);
    await caseDb.setColumnLayout('logs', { order: [], hidden: [], widths: {} });
    saved = await caseDb.exportDb();
  }, 60_000);

  it('keeps each table\'s column layout in the case file', async () => {
    const reopened = await emptyCase();
    expect(await reopened.columnLayouts()).toEqual({});
    expect(await reopened.openCaseFile(saved.slice())).toBe(true);
    expect(await reopened.columnLayouts()).toEqual({ messages: layout, logs: { order: [], hidden: [], widths: {} } });
  });

  it('reopens an exported case in a fresh service with the same findings, notes and findings.json', async () => {
    const reopened = await emptyCase();
    expect(await reopened.openCaseFile(saved.slice())).toBe(true);
    const before = await caseDb.consoleQuery(allFindings);
    expect(before.rows.length).toBeGreaterThan(0);
    expect(await reopened.consoleQuery(allFindings)).toEqual(before);
    expect(await reopened.consoleQuery('SELECT * FROM case_finding_notes')).toEqual(await caseDb.consoleQuery('SELECT * FROM case_finding_notes'));
    expect(await reopened.findingsJson()).toBe(await caseDb.findingsJson());
    expect(await reopened.findingsJson()).toMatch(/^\{\n {2}"schema": "hmail-triage\/findings@1"/);
  });

  it('puts the run\'s in-memory case tables and the imported hm_* tables into one case file', async () => {
    const reopened = await emptyCase();
    expect(await reopened.openCaseFile(saved.slice())).toBe(true);
    for (const table of ['hm_accounts', 'hm_messages', 'case_messages', 'case_inventory', 'case_timeline']) {
      const count = `SELECT count(*) FROM ${table}`;
      expect((await caseDb.consoleQuery(count)).rows[0][0]).toBeGreaterThan(0);
      expect(await reopened.consoleQuery(count)).toEqual(await caseDb.consoleQuery(count));
    }
    expect(new DataView(saved.buffer, saved.byteOffset).getUint32(68)).toBe(CASE_FILE_APPLICATION_ID);
  });

  it('leaves recovered secrets out of the exported case file unless asked, with no trace in free pages', async () => {
    await caseDb.consoleQuery('SELECT 1');
    const withSecrets = await caseDb.exportDb({ includeSecrets: true });
    const secrets = await caseDb.consoleQuery('SELECT secret FROM case_secrets');
    expect(secrets.rows.length).toBeGreaterThan(0);
    const secret = String(secrets.rows[0][0]);
    const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    expect(latin1(withSecrets)).toContain(secret);
    expect(latin1(saved)).not.toContain(secret);
    const reopened = await emptyCase();
    expect(await reopened.openCaseFile(saved.slice())).toBe(true);
    expect((await reopened.consoleQuery('SELECT count(*) FROM case_secrets')).rows[0][0]).toBe(0);
    expect((await caseDb.consoleQuery('SELECT count(*) FROM case_secrets')).rows[0][0]).toBe(secrets.rows.length);
  });

  it('reopens a case file saved before the timeline had zone columns, adding them (NULL) so the timeline reads', async () => {
    const old = new SQL.Database(saved.slice());
    old.exec("CREATE TABLE t AS SELECT time_utc, time_local, type, source, description, ref_message, ref_session, account, ip FROM case_timeline; DROP TABLE case_timeline; ALTER TABLE t RENAME TO case_timeline; DELETE FROM case_meta WHERE key = 'server_zone'");
    const bytes = old.export();
    old.close();
    const reopened = await emptyCase();
    expect(await reopened.openCaseFile(bytes)).toBe(true);
    const rows = await reopened.consoleQuery('SELECT COUNT(*), COUNT(time_zone), COUNT(time_note) FROM case_timeline');
    expect(rows.rows[0][0]).toBeGreaterThan(0);
    expect(rows.rows[0].slice(1)).toEqual([0, 0]);
    expect((await reopened.timelineCsv()).split('\r\n')[0]).toContain('time_zone,time_note');
  });

  it('answers false for a SQLite file that is not a case file, and keeps the current case', async () => {
    const reopened = await emptyCase();
    await reopened.openCaseFile(saved.slice());
    const plain = new SQL.Database();
    plain.run('CREATE TABLE hm_accounts (accountid INTEGER)');
    const bytes = plain.export();
    plain.close();
    expect(await reopened.openCaseFile(bytes)).toBe(false);
    expect(await reopened.consoleQuery(allFindings)).toEqual(await caseDb.consoleQuery(allFindings));
  });

  it('answers false for bytes with the SQLite magic but a corrupt body', async () => {
    const corrupt = new TextEncoder().encode('SQLite format 3\u0000'.padEnd(4096, '\u0007'));
    await expect((await emptyCase()).openCaseFile(corrupt)).resolves.toBe(false);
  });
});

describe('server zone: a re-run with the examiner\'s zone re-derives every server time', () => {
  type Row = [string | null, string | null];
  const timelineSql = 'SELECT time_utc, time_local FROM case_timeline WHERE time_local IS NOT NULL ORDER BY rowid';
  const knownRow = "SELECT time_utc FROM case_timeline WHERE time_local = '2024-06-01 09:12:44' LIMIT 1";
  let guessed: CaseDbService;
  let kolkata: CaseDbService;
  let kolkataJson: string;

  beforeAll(async () => {
    ({ caseDb: guessed } = await demoCase());
    const rerun = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())], { serverZone: 'Asia/Kolkata' });
    kolkata = rerun.caseDb;
    kolkataJson = rerun.outcome.findingsJson;
  }, 120_000);

  it('starts from the zone the run guessed, with its basis and candidates', async () => {
    const zone = JSON.parse(String((await scalar(guessed, SERVER_ZONE)) ?? '{}'));
    expect(zone).toMatchObject({ id: 'UTC+02:00', fixedOffsetMinutes: 120 });
    expect(zone.basis).toMatch(/no daylight-saving change seen/);
    expect(zone.candidates.map((c: { id: string }) => c.id)).toContain('Europe/Berlin');
    expect(await scalar(guessed, knownRow)).toBe('2024-06-01T07:12:44.000Z');
  });

  it('re-derives case_timeline, case_log_events and findings.json from the chosen zone', async () => {
    expect(JSON.parse(String((await scalar(kolkata, SERVER_ZONE)) ?? '{}'))).toMatchObject({ id: 'Asia/Kolkata', fixedOffsetMinutes: null });
    expect(await scalar(kolkata, knownRow)).toBe('2024-06-01T03:42:44.000Z');
    const shifted = (rows: Row[]) => rows.map(([utc, local]) => [utc === null ? null : new Date(Date.parse(utc) - 210 * 60_000).toISOString(), local]);
    expect((await kolkata.consoleQuery(timelineSql)).rows).toEqual(shifted((await guessed.consoleQuery(timelineSql)).rows as Row[]));
    const logSql = 'SELECT time_utc, time_local FROM case_log_events ORDER BY rowid';
    expect((await kolkata.consoleQuery(logSql)).rows).toEqual(shifted((await guessed.consoleQuery(logSql)).rows as Row[]));
    const doc = JSON.parse(kolkataJson);
    expect(doc.run.timezone).toBe('Asia/Kolkata');
    expect(doc.server.timeZone).toMatchObject({ id: 'Asia/Kolkata', basis: expect.stringMatching(/^set by the examiner/) });
    const brute = doc.findings.find((f: { type: string }) => f.type === 'brute-force-source');
    if (brute) expect(brute.details.serverZone).toBe('Asia/Kolkata');
  });
});
