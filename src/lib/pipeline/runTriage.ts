/**
 * The whole analysis, in order: ingest (inventory + hashes) → database, ini, DNS snapshot, messages, logs
 * → link → analyze → timeline → findings.json → case database. Parsing of message files is delegated to
 * `deps.parseMessage` (a worker pool in the browser); everything else here is pure orchestration.
 */
import { runAnalyzers } from '../analyze/index.ts';
import { compareStrings } from '../analyze/support/compareStrings.ts';
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions } from '../analyze/analyzer.ts';
import type { Extracted7z } from '../database/extract7z.ts';
import { MAX_7Z_BYTES } from '../database/extract7z.ts';
import { parseIni } from '../database/parseIni.ts';
import { sdfNotice } from '../database/sdfNotice.ts';
import { ingestEvidence, type IngestedEntry } from '../ingest/ingestEvidence.ts';
import { throwIfAborted } from '../ingest/throwIfAborted.ts';
import { linkMessages } from '../link/linkMessages.ts';
import { createLogAccumulator, finishLogs, parseLogStream } from '../logs/logStream.ts';
import { buildThreads } from '../mail/buildThreads.ts';
import { parseZoneFile } from '../mail/parseZoneFile.ts';
import type { AnalysisResult } from '../model/analysisResult.ts';
import type { CaseData, WeakPassword } from '../model/caseData.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { Finding } from '../model/finding.ts';
import type { DbAccount, HmailDatabase, ImportProblem } from '../model/hmailDatabase.ts';
import type { HmailIni } from '../model/hmailIni.ts';
import type { EntryStatus, InventoryEntry } from '../model/inventoryEntry.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { Progress, Stage } from '../model/progress.ts';
import { buildFindingsJson } from '../report/findingsJson.ts';
import { buildTimeline } from '../timeline/buildTimeline.ts';
import { chooseServerZone } from '../time/chooseServerZone.ts';
import { BoundedQueue } from './boundedQueue.ts';
import { bytesStream } from './bytesStream.ts';
import type { CaseDbPort, DumpFormat } from './caseDbPort.ts';
import { collectIocs } from './collectIocs.ts';
import { expand7z } from './expand7z.ts';
import { readAll } from './readAll.ts';

/** Body texts go to the case database in batches of this many messages. */
const BODY_BATCH = 200;

/**
 * Once a body is in the case database the triage worker keeps only its beginning (analyzers read the start
 * of server notices; near-duplicates compare textDigest), so a large case does not hold every body twice.
 */
export const RETAINED_TEXT_CHARS = 4096;

const utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder() };

function retainBeginning(m: ParsedMessage): ParsedMessage {
  if (!m.textDigest || m.text.length <= RETAINED_TEXT_CHARS) return m;
  // A plain slice would keep the whole body alive (engines share the parent string): copy the beginning.
  const beginning = utf8.decoder.decode(utf8.encoder.encode(m.text.slice(0, RETAINED_TEXT_CHARS)));
  return { ...m, text: beginning };
}

/** A message file above this is not parsed (it would have to be held whole); it is reported instead. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export interface TriageInput {
  file: Blob;
  path: string;
}

export interface TriageDeps {
  caseDb: CaseDbPort;
  parseMessage(
    bytes: Uint8Array,
    path: string,
    hashes: { md5: string; sha256: string },
    dns: DnsSnapshot | null,
  ): Promise<ParsedMessage>;
  findWeakPasswords(accounts: DbAccount[]): Promise<WeakPassword[]>;
  /** 7-Zip in WASM; the browser passes the inlined binary, Node finds its own. */
  extract7z(bytes: Uint8Array): Promise<Extracted7z>;
  /** How many message parses may be in flight at once (pool size × 2 keeps every worker fed). */
  parseConcurrency: number;
}

export interface TriageOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  analyzer?: Partial<AnalyzerOptions>;
  runId: number;
  version: string;
  /** Clock for the run block, injected so tests are deterministic. */
  now: () => Date;
  /** The examiner's own server time zone (IANA name or offset such as "+02:00"), overriding the guess. */
  serverZone?: string;
}

export interface TriageOutcome {
  caseData: CaseData;
  findings: Finding[];
  findingsJson: string;
  result: AnalysisResult;
  /** Re-reads any inventory entry from the evidence (raw view, downloads, transcripts). */
  open(path: string): ReadableStream<Uint8Array> | null;
}

const DUMP_FORMATS = new Set<string>(['mysql-dump', 'pgsql-dump', 'mssql-script']);
const LOG_FORMATS = new Set<string>([
  'hmail-log',
  'hmail-error-log',
  'hmail-awstats-log',
  'hmail-events-log',
  'hmail-backup-log',
]);

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('windows-1252').decode(bytes);
}

async function entryBytes(e: IngestedEntry, limit: number): Promise<Uint8Array | null> {
  return e.bytes ?? (await readAll(e.open(), limit));
}

export async function runTriage(inputs: TriageInput[], deps: TriageDeps, options: TriageOptions): Promise<TriageOutcome> {
  const { signal } = options;
  const started = options.now();
  const analyzerOptions: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, now: started.toISOString(), ...options.analyzer };
  const report = (stage: Stage, step: string, p: Partial<Progress> = {}) =>
    options.onProgress?.({ stage, step, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, ...p });

  await deps.caseDb.reset();

  const messages: ParsedMessage[] = [];
  const parseErrors: CaseData['parseErrors'] = [];
  const overrides = new Map<string, { status: EntryStatus; error: string }>();
  const sdfPaths: string[] = [];
  const expandedRows: InventoryEntry[] = [];
  const expandedContents = new Map<string, Uint8Array>();
  const signedMessagePaths: string[] = [];
  const logs = createLogAccumulator();
  let ini: HmailIni | null = null;
  let dns: DnsSnapshot | null = null;
  let dbPath: string | null = null;
  const queue = new BoundedQueue(Math.max(1, deps.parseConcurrency));
  let bodies: [string, string][] = [];
  const flushBodies = async () => {
    const batch = bodies;
    bodies = [];
    if (batch.length > 0) await deps.caseDb.storeBodies(batch);
  };

  const fail = (path: string, kind: string, reason: string, status: EntryStatus = 'error') => {
    parseErrors.push({ path, kind, reason });
    overrides.set(path, { status, error: reason });
  };

  const noteDbProblems = (path: string, problems: ImportProblem[]) => {
    for (const p of problems) parseErrors.push({ path, kind: 'database', reason: `line ${p.line}: ${p.reason} — ${p.statement}` });
  };

  /** One database per case: a second one would mix two servers' rows in the same tables. */
  const claimDatabase = (path: string): boolean => {
    if (dbPath === null) {
      dbPath = path;
      return true;
    }
    fail(path, 'database', `not loaded: the case database was already loaded from ${dbPath}`, 'skipped');
    return false;
  };

  const onEntry = async (e: IngestedEntry): Promise<void> => {
    throwIfAborted(signal);
    const { path, format, status, md5, sha256, size } = e.entry;
    if (status !== 'ok') return;
    if (format === 'eml' || format === 'hma') {
      const bytes = await entryBytes(e, MAX_MESSAGE_BYTES);
      if (!bytes) return fail(path, 'message', `message file of ${size} bytes is above the ${MAX_MESSAGE_BYTES}-byte parsing limit`, 'skipped');
      await queue.add(async () => {
        const parsed = await deps.parseMessage(bytes, path, { md5, sha256 }, null);
        messages.push(retainBeginning(parsed));
        bodies.push([path, parsed.text]);
        if (bodies.length >= BODY_BATCH) await flushBodies();
        if (parsed.parseError) fail(path, 'message', parsed.parseError);
        if (parsed.dkim.length > 0) signedMessagePaths.push(path);
      });
    } else if (LOG_FORMATS.has(format)) {
      await parseLogStream(path, e.bytes ? bytesStream(e.bytes) : e.open(), logs, {
        signal,
        onProgress: (bytesDone) => report('logs', `Parsing ${path}`, { bytesDone, bytesTotal: size, filesDone: 0, filesTotal: 1 }),
      });
    } else if (format === 'hmail-ini') {
      const bytes = await entryBytes(e, 1024 * 1024);
      if (!bytes) return fail(path, 'ini', 'hMailServer.ini larger than 1 MiB: not an ini file hMailServer could read');
      if (ini) parseErrors.push({ path, kind: 'ini', reason: `a second hMailServer.ini; the first (${ini.path}) is used` });
      else ini = parseIni(decodeText(bytes), path);
    } else if (format === 'dns-zone') {
      const bytes = await entryBytes(e, 64 * 1024 * 1024);
      if (!bytes) return fail(path, 'dns-zone', 'zone file larger than 64 MiB');
      const zone = parseZoneFile(new TextDecoder().decode(bytes), path);
      dns = dns ? { ...dns, records: [...dns.records, ...zone.records], problems: [...dns.problems, ...zone.problems] } : zone;
      for (const p of zone.problems) parseErrors.push({ path, kind: 'dns-zone', reason: `line ${p.line}: ${p.reason}` });
    } else if (format === 'sqlite') {
      if (!claimDatabase(path)) return;
      const bytes = await entryBytes(e, Number.MAX_SAFE_INTEGER);
      noteDbProblems(path, await deps.caseDb.importSqlite(bytes ?? new Uint8Array(), path));
    } else if (DUMP_FORMATS.has(format)) {
      if (!claimDatabase(path)) return;
      await deps.caseDb.beginDump(format as DumpFormat, path);
      const reader = (e.bytes ? bytesStream(e.bytes) : e.open()).getReader();
      let bytesDone = 0;
      for (;;) {
        throwIfAborted(signal);
        const { done, value } = await reader.read();
        if (done) break;
        await deps.caseDb.dumpChunk(value);
        bytesDone += value.byteLength;
        report('database', `Importing ${path}`, { bytesDone, bytesTotal: size, filesDone: 0, filesTotal: 1 });
      }
      noteDbProblems(path, await deps.caseDb.endDump());
    } else if (format === 'hmail-backup-xml') {
      if (!claimDatabase(path)) return;
      const bytes = await entryBytes(e, Number.MAX_SAFE_INTEGER);
      noteDbProblems(path, await deps.caseDb.importBackupXml(decodeText(bytes ?? new Uint8Array()), path));
    } else if (format === 'sdf') {
      sdfPaths.push(path);
    } else if (format === '7z') {
      const bytes = await entryBytes(e, MAX_7Z_BYTES);
      if (!bytes) return fail(path, 'archive', `7z archive of ${size} bytes is above the ${MAX_7Z_BYTES}-byte limit for in-browser extraction`, 'skipped');
      const expanded = await expand7z(e, bytes, deps.extract7z, onEntry);
      expandedRows.push(...expanded.rows);
      for (const [p, b] of expanded.contents) expandedContents.set(p, b);
      if (expanded.error) fail(path, 'archive', `7-Zip: ${expanded.error}`);
    }
  };

  const ingest = await ingestEvidence(inputs, {
    signal,
    onEntry,
    onProgress: (p) => report('ingest', p.step, p),
  });
  const open = (path: string): ReadableStream<Uint8Array> | null => {
    const extracted = expandedContents.get(path);
    return extracted ? bytesStream(extracted) : ingest.open(path);
  };
  report('messages', `Finishing ${messages.length} message parses`);
  await queue.drain();
  await flushBodies();
  throwIfAborted(signal);

  for (const path of sdfPaths) fail(path, 'database', sdfNotice(ini), 'skipped');

  report('database', 'Reading the hMailServer database');
  const database: HmailDatabase | null = await deps.caseDb.readHmailDatabase();
  const weakPasswords = database ? await deps.findWeakPasswords(database.accounts) : [];
  throwIfAborted(signal);

  // DKIM signatures can only be checked once the DNS snapshot is known, and it may come after the messages.
  if (dns && signedMessagePaths.length > 0) {
    report('messages', `Verifying ${signedMessagePaths.length} DKIM signatures with the DNS snapshot`);
    const byPath = new Map(messages.map((m, i) => [m.path, i]));
    for (const path of signedMessagePaths) {
      const stream = open(path);
      const bytes = stream ? await readAll(stream, MAX_MESSAGE_BYTES) : null;
      const index = byPath.get(path);
      if (!bytes || index === undefined) continue;
      const old = messages[index];
      messages[index] = retainBeginning(await deps.parseMessage(bytes, path, { md5: old.md5, sha256: old.sha256 }, dns));
    }
  }
  messages.sort((a, b) => compareStrings(a.path, b.path));

  report('logs', 'Rebuilding log sessions');
  const logData = finishLogs(logs, { localDomains: database?.domains.map((d) => d.name) ?? [] });
  const inventory = [...ingest.inventory, ...expandedRows]
    .sort((a, b) => compareStrings(a.path, b.path))
    .map((row) => {
      const o = overrides.get(row.path);
      return o ? { ...row, status: o.status, error: o.error } : row;
    });

  const partial: Omit<CaseData, 'links' | 'serverZone'> = {
    evidence: ingest.evidence,
    inventory,
    ini,
    database,
    messages,
    logs: logData,
    dns,
    weakPasswords,
    parseErrors,
  };
  const withZone = { ...partial, serverZone: chooseServerZone({ ...partial, links: [] }, options.serverZone) };
  const caseData: CaseData = { ...withZone, links: linkMessages(withZone) };

  report('analyze', 'Running analyzers');
  const findings = runAnalyzers(caseData, analyzerOptions);
  const timeline = buildTimeline(caseData);
  const finished = options.now();
  const findingsJson = buildFindingsJson(caseData, findings, {
    generator: 'hmail-triage',
    version: options.version,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    timezone: caseData.serverZone.id,
  });

  report('report', 'Writing the case database');
  await deps.caseDb.storeCase({
    // Bodies are already in the case database (storeBodies): not sent a second time.
    caseData: { ...caseData, messages: messages.map((m) => ({ ...m, text: '' })) },
    findings,
    timeline,
    iocs: collectIocs(messages),
    threads: Object.fromEntries(buildThreads(messages)),
    findingsJson,
  });

  const result: AnalysisResult = {
    runId: options.runId,
    durationMs: finished.getTime() - started.getTime(),
    counts: {
      evidenceFiles: caseData.evidence.length,
      inventoryEntries: inventory.length,
      inventoryErrors: inventory.filter((r) => r.status === 'error').length,
      messages: messages.length,
      dbMessages: database?.messages.length ?? 0,
      accounts: database?.accounts.length ?? 0,
      domains: database?.domains.length ?? 0,
      logLines: logData.files.reduce((n, f) => n + f.lines, 0),
      logSessions: logData.sessions.length,
      findings: findings.length,
    },
    problems: inventory.filter((r) => r.status !== 'ok').map((r) => `${r.path}: ${r.error ?? r.status}`),
  };
  return { caseData, findings, findingsJson, result, open };
}
