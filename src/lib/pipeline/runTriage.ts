/**
 * The whole analysis, in order: intake (inventory + hashes) of everything but the message files, with the
 * database, ini, DNS snapshot and logs read as they come → the message files, read, hashed and parsed in the
 * parser pool (`deps.readMessageJob`), their rows written to the case database as they come and only a
 * compact summary kept → link → analyze → timeline → findings.json → the rest of the case database.
 * Everything here is orchestration; the work is in the pool and the case database.
 */
import { runAnalyzers } from '../analyze/index.ts';
import { compareStrings } from '../model/compareStrings.ts';
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions } from '../analyze/analyzer.ts';
import type { Extracted7z } from '../database/extract7z.ts';
import { MAX_7Z_BYTES } from '../database/extract7z.ts';
import { BACKUP_XML_MAX_CHARS } from '../database/importHmBackupXml.ts';
import { MAX_SQLITE_BYTES, sqliteSizeProblem } from '../database/loadSqliteDatabase.ts';
import { parseIni } from '../database/parseIni.ts';
import { scoreHmailDatabase } from '../database/scoreHmailDatabase.ts';
import { sdfNotice } from '../database/sdfNotice.ts';
import { ingestEvidence, type IngestedEntry } from '../ingest/ingestEvidence.ts';
import { throwIfAborted } from '../ingest/throwIfAborted.ts';
import { readStreamFully } from '../ingest/readStreamFully.ts';
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
import type { DeferredMessage } from '../ingest/deferredMessage.ts';
import { openZipEntry } from '../ingest/openZipEntry.ts';
import { serverMessageText } from '../analyze/support/serverMessageText.ts';
import { hasStubSubject, isPostmaster } from '../analyze/support/serverStubSigns.ts';
import type { AppendedMessage } from '../store/appendMessages.ts';
import type { Progress, Stage } from '../model/progress.ts';
import { buildFindingsJson, findingsJsonChunks, serverSection, type RunInfo } from '../report/findingsJson.ts';
import { gzipChunks } from '../store/gzipText.ts';
import { buildTimeline } from '../timeline/buildTimeline.ts';
import { chooseServerZone } from '../analyze/zone/chooseServerZone.ts';
import { BoundedQueue } from './boundedQueue.ts';
import { bytesStream } from './bytesStream.ts';
import type { CaseDbPort, DumpFormat } from '../store/caseDbPort.ts';
import { compactMessage } from './compactMessage.ts';
import { MAX_MESSAGE_BYTES } from './messageLimits.ts';
import type { ParsedForRun } from './parseForRun.ts';
import { planMessageJobs, type PlannedJob } from './planMessageJobs.ts';
import type { MessageJob, MessageJobResult } from './readMessageJob.ts';
import { expand7z } from './expand7z.ts';
import { provisionalFindings, type ProvisionalFindings } from './provisionalFindings.ts';

/** Parsed messages go to the case database in batches of this many. */
const APPEND_BATCH = 200;
/** Rows of each kind per storeCaseRows call at the end of a run: a few megabytes to clone at a time. */
const STORED_ROWS_PER_CALL = 5_000;

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
    reference: boolean,
  ): Promise<ParsedForRun>;
  /** Reads, hashes and parses a batch of deferred message files (readMessageJob), on the least busy parser. */
  readMessageJob(job: MessageJob): Promise<MessageJobResult[]>;
  findWeakPasswords(accounts: DbAccount[]): Promise<WeakPassword[]>;
  /** 7-Zip in WASM; the browser passes the inlined binary, Node finds its own. */
  extract7z(bytes: Uint8Array): Promise<Extracted7z>;
  /** How many message parses or jobs may be in flight at once (pool size × 2 keeps every worker fed). */
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
  /** Parse every message with postal-mime, the reference parser (slow; for reference runs). */
  referenceParser?: boolean;
  /** The examiner's own server time zone (IANA name or offset such as "+02:00"), overriding the guess. */
  serverZone?: string;
}

export interface TriageOutcome {
  caseData: CaseData;
  findings: Finding[];
  /** findings.json as text, built when read (the run itself only stores it compressed). */
  readonly findingsJson: string;
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
  return e.bytes ?? (await readStreamFully(e.open(), { maxBytes: limit }));
}

export async function runTriage(inputs: TriageInput[], deps: TriageDeps, options: TriageOptions): Promise<TriageOutcome> {
  const { signal } = options;
  const reference = options.referenceParser ?? false;
  const started = options.now();
  const analyzerOptions: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, now: started.toISOString(), ...options.analyzer };
  const report = (stage: Stage, step: string, p: Partial<Progress> = {}) =>
    options.onProgress?.({ stage, step, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, ...p });

  await deps.caseDb.reset();

  /** Compact summaries (compactMessage): the bulk of each message is in the case database. */
  const messages: ParsedMessage[] = [];
  const parseErrors: CaseData['parseErrors'] = [];
  const overrides = new Map<string, { status: EntryStatus; error: string }>();
  const sdfPaths: string[] = [];
  const expandedRows: InventoryEntry[] = [];
  const expandedContents = new Map<string, Uint8Array>();
  const signedMessagePaths: string[] = [];
  const deferred: DeferredMessage[] = [];
  const deferredRows: InventoryEntry[] = [];
  const deferredByPath = new Map<string, DeferredMessage>();
  const logs = createLogAccumulator();
  let ini: HmailIni | null = null;
  let dns: DnsSnapshot | null = null;
  let dbPath: string | null = null;
  const queue = new BoundedQueue(Math.max(1, deps.parseConcurrency));
  let nextMessageId = 1;
  /** Set once intake of everything but deferred messages is done: which bodies server-stub-message may read. */
  let stubSubject: { custom: string | null } | null = null;
  let appendBatch: AppendedMessage[] = [];
  /** Set once the message files are reached: the findings of each batch, shown while the run goes on. */
  let provisional: ProvisionalFindings | null = null;
  let provisionalBatch: ParsedMessage[] = [];
  let parsedFast = 0;
  const flushAppend = async () => {
    const batch = appendBatch;
    const summaries = provisionalBatch;
    appendBatch = [];
    provisionalBatch = [];
    if (batch.length > 0) await deps.caseDb.appendMessages(batch);
    const found = provisional && summaries.length > 0 ? provisional(summaries) : [];
    if (found.length > 0) await deps.caseDb.appendFindings(found);
  };
  const keepText = (m: ParsedMessage) => stubSubject === null || hasStubSubject(m, stubSubject.custom) || isPostmaster(m);
  const acceptMessage = async (id: number, { message, tokens }: ParsedForRun) => {
    if (message.parsedBy === 'fast') parsedFast++;
    const summary = compactMessage(message, keepText(message));
    messages.push(summary);
    if (provisional) provisionalBatch.push(summary);
    if (message.parseError) fail(message.path, 'message', message.parseError);
    if (message.dkim.length > 0 && !dns) signedMessagePaths.push(message.path);
    appendBatch.push({ id, message, tokens });
    if (appendBatch.length >= APPEND_BATCH) await flushAppend();
  };

  const fail = (path: string, kind: string, reason: string, status: EntryStatus = 'error') => {
    parseErrors.push({ path, kind, reason });
    overrides.set(path, { status, error: reason });
  };

  const noteDbProblems = (path: string, problems: ImportProblem[]) => {
    for (const p of problems) parseErrors.push({ path, kind: 'database', reason: `line ${p.line}: ${p.reason} — ${p.statement}` });
  };

  /**
   * One database per case: a second one would mix two servers' rows in the same tables. The case database
   * is the most hMailServer-like of those dropped (scoreHmailDatabase), not the first one read: a corrupt
   * or foreign file read first gives way to the real one, and says why it was not used. A SQLite file is
   * weighed before it is loaded; a dump or backup, which can only be weighed by loading it, replaces only
   * a database that holds no hMailServer data.
   */
  let dbScore = 0;
  let dbHasRows = false;
  const weighLoaded = async (path: string) => {
    const hmTables = await deps.caseDb.hmailTableCounts();
    dbScore = scoreHmailDatabase({ path, hmTables, error: null });
    dbHasRows = Object.values(hmTables).some((n) => n > 0);
  };
  const claimDatabase = async (path: string, candidateScore: number | null): Promise<boolean> => {
    if (dbPath !== null && (candidateScore === null ? dbHasRows : candidateScore <= dbScore)) {
      const why = candidateScore === 0 ? 'it holds no hMailServer (hm_*) table' : `${dbPath} holds more of hMailServer's data`;
      fail(path, 'database', `not used as the case database: ${why}`, 'skipped');
      return false;
    }
    if (dbPath !== null) {
      fail(dbPath, 'database', `not used as the case database: ${dbHasRows ? `${path} holds more of hMailServer's data` : `it holds no hMailServer data; ${path} is used`}`, 'skipped');
      await deps.caseDb.dropHmailTables();
    }
    dbPath = path;
    return true;
  };

  const onEntry = async (e: IngestedEntry): Promise<void> => {
    throwIfAborted(signal);
    const { path, format, status, md5, sha256, size } = e.entry;
    if (status !== 'ok') return;
    if (format === 'eml' || format === 'hma') {
      const bytes = await entryBytes(e, MAX_MESSAGE_BYTES);
      if (!bytes) return fail(path, 'message', `message file of ${size} bytes is above the ${MAX_MESSAGE_BYTES}-byte parsing limit`, 'skipped');
      // Numbered when sent, not when parsed: ids do not depend on which parser answers first.
      const id = nextMessageId++;
      await queue.add(async () => acceptMessage(id, await deps.parseMessage(bytes, path, { md5, sha256 }, dns, reference)));
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
      const tooBig = sqliteSizeProblem(size);
      if (tooBig) return fail(path, 'database', tooBig, 'skipped');
      const bytes = (await entryBytes(e, MAX_SQLITE_BYTES)) ?? new Uint8Array();
      const candidate = dbPath === null ? null : scoreHmailDatabase(await deps.caseDb.probeSqlite(bytes.slice(), path));
      if (!(await claimDatabase(path, candidate))) return;
      report('database', `Importing ${path}`);
      noteDbProblems(path, await deps.caseDb.importSqlite(bytes, path));
      await weighLoaded(path);
    } else if (DUMP_FORMATS.has(format)) {
      if (!(await claimDatabase(path, null))) return;
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
      await weighLoaded(path);
    } else if (format === 'hmail-backup-xml') {
      // Two bytes per character at most (UTF-16): a file above this cannot decode within the reader's budget.
      const bytes = await entryBytes(e, BACKUP_XML_MAX_CHARS * 2);
      if (!bytes) return fail(path, 'database', `backup XML of ${size} bytes is above the backup XML reader's budget of ${BACKUP_XML_MAX_CHARS} characters: not read`, 'skipped');
      if (!(await claimDatabase(path, null))) return;
      report('database', `Importing ${path}`);
      noteDbProblems(path, await deps.caseDb.importBackupXml(decodeText(bytes), path));
      await weighLoaded(path);
    } else if (format === 'sdf') {
      sdfPaths.push(path);
    } else if (format === '7z') {
      const bytes = await entryBytes(e, MAX_7Z_BYTES);
      if (!bytes) return fail(path, 'archive', `7z archive of ${size} bytes is above the ${MAX_7Z_BYTES}-byte limit for in-browser extraction`, 'skipped');
      report('database', `Extracting ${path}`);
      const expanded = await expand7z(e, bytes, deps.extract7z, onEntry);
      // A loop, not push(...rows): a 7z of 100,000 entries would overflow the stack as arguments.
      for (const row of expanded.rows) expandedRows.push(row);
      for (const [p, b] of expanded.contents) expandedContents.set(p, b);
      if (expanded.error) fail(path, 'archive', `7-Zip: ${expanded.error}`);
    }
  };

  const ingest = await ingestEvidence(inputs, {
    signal,
    onEntry,
    onProgress: (p) => report('ingest', p.step, p),
    // The zip's own hash goes on beside the message files; it is awaited before the inventory is final.
    hashZipsLater: true,
    deferMessage: (d) => {
      // A message too large to parse is hashed by intake as any other file, and reported below.
      if (d.size > MAX_MESSAGE_BYTES || deferredByPath.has(d.path)) return false;
      deferred.push(d);
      deferredByPath.set(d.path, d);
      return true;
    },
  });
  const openDeferred = (d: DeferredMessage): ReadableStream<Uint8Array> => (d.record ? openZipEntry(d.source, d.record) : d.source.stream());
  const open = (path: string): ReadableStream<Uint8Array> | null => {
    const extracted = expandedContents.get(path);
    if (extracted) return bytesStream(extracted);
    const d = deferredByPath.get(path);
    return d ? openDeferred(d) : ingest.open(path);
  };
  await queue.drain();
  await flushAppend();
  throwIfAborted(signal);

  report('database', 'Reading the hMailServer database');
  const database: HmailDatabase | null = await deps.caseDb.readHmailDatabase();
  stubSubject = { custom: serverMessageText(database, 'MESSAGE_UNDELIVERABLE')?.trim().toLowerCase() || null };
  const noLogs = finishLogs(createLogAccumulator());
  const messagePaths = new Set([...ingest.inventory, ...expandedRows].filter((e) => e.kind === 'message').map((e) => e.path));
  for (const m of messages) messagePaths.add(m.path);
  for (const d of deferred) messagePaths.add(d.path);
  provisional = provisionalFindings(
    {
      evidence: ingest.evidence, inventory: [], ini, database, logs: noLogs, dns, weakPasswords: [], parseErrors: [],
      // The perMessage analyzers read no time zone; the whole case's is chosen when the run ends.
      serverZone: chooseServerZone({ database, messages: [], links: [], logs: noLogs }, options.serverZone),
    },
    [...messagePaths].sort(compareStrings),
    analyzerOptions,
  );

  // Message files last: the database, ini and DNS snapshot they are read against are known by now.
  deferred.sort((a, b) => compareStrings(a.path, b.path));
  const firstDeferredId = nextMessageId;
  const deferredIds = new Map(deferred.map((d, i) => [d.path, firstDeferredId + i]));
  nextMessageId += deferred.length;
  const jobs = planMessageJobs(deferred);
  const jobProgress = { files: 0, bytes: 0, total: jobs.reduce((n, j) => n + j.bytes, 0) };
  const onJobDone = async (job: PlannedJob, results: MessageJobResult[]) => {
    for (const r of results) {
      deferredRows.push(r.row);
      if (r.message && r.tokens) await acceptMessage(deferredIds.get(r.row.path)!, { message: r.message, tokens: r.tokens });
      else if (r.row.status === 'ok' && r.row.format !== 'eml' && r.row.format !== 'hma') {
        const d = deferredByPath.get(r.row.path)!;
        await onEntry({ entry: r.row, bytes: null, head: new Uint8Array(0), open: () => openDeferred(d) });
      }
    }
    jobProgress.files += job.entries.length;
    jobProgress.bytes += job.bytes;
    report('messages', `Parsing messages: ${jobProgress.files} of ${deferred.length}`, {
      filesDone: jobProgress.files,
      filesTotal: deferred.length,
      bytesDone: jobProgress.bytes,
      bytesTotal: jobProgress.total,
    });
  };
  for (const job of jobs) {
    throwIfAborted(signal);
    const sent: MessageJob = { source: job.source.slice(job.offset, job.end), offset: job.offset, entries: job.entries, dns, reference };
    await queue.add(async () => {
      let results: MessageJobResult[];
      try {
        results = await deps.readMessageJob(sent);
      } catch (err) {
        const reason = `file could not be read: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
        results = job.entries.map((e) => ({
          row: { path: e.path, kind: 'message', format: e.path.toLowerCase().endsWith('.hma') ? 'hma' : 'eml', size: 0, md5: '', sha256: '', status: 'error', error: reason, ...(e.container !== undefined ? { container: e.container } : {}), modified: e.modified },
          message: null,
          tokens: null,
        }));
      }
      await onJobDone(job, results);
    });
  }
  report('messages', `Finishing ${messages.length} message parses`);
  await queue.drain();
  await flushAppend();
  throwIfAborted(signal);
  report('messages', 'Finishing the hash of the evidence files');
  await ingest.finished;

  for (const path of sdfPaths) fail(path, 'database', sdfNotice(ini), 'skipped');

  const weakPasswords = database ? await deps.findWeakPasswords(database.accounts) : [];
  throwIfAborted(signal);

  // Messages read before the DNS snapshot was known are parsed again to check their DKIM signatures with it.
  if (dns && signedMessagePaths.length > 0) {
    report('messages', `Verifying ${signedMessagePaths.length} DKIM signatures with the DNS snapshot`);
    const byPath = new Map(messages.map((m, i) => [m.path, i]));
    for (const path of signedMessagePaths) {
      const stream = open(path);
      const bytes = stream ? await readStreamFully(stream, { maxBytes: MAX_MESSAGE_BYTES }) : null;
      const index = byPath.get(path);
      if (!bytes || index === undefined) continue;
      const old = messages[index];
      const { message } = await deps.parseMessage(bytes, path, { md5: old.md5, sha256: old.sha256 }, dns, reference);
      messages[index] = compactMessage(message, keepText(message));
    }
  }
  messages.sort((a, b) => compareStrings(a.path, b.path));

  report('logs', 'Rebuilding log sessions');
  const logData = finishLogs(logs, { localDomains: database?.domains.map((d) => d.name) ?? [] });
  const inventory = [...ingest.inventory, ...deferredRows, ...expandedRows]
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
  const run: RunInfo = {
    generator: 'hmail-triage',
    version: options.version,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    timezone: caseData.serverZone.id,
  };

  report('report', 'Writing the case database');
  const missing = new Set(findings.filter((f) => f.type === 'missing-file').map((f) => Number(f.details.dbMessageId)));
  await deps.caseDb.storeCase({
    caseData: {
      ...caseData,
      messages: [],
      links: [],
      inventory: [],
      database: database && { ...database, messages: database.messages.filter((m) => missing.has(m.id)) },
    },
    findings,
    // Written and compressed element by element: the whole document never exists during the run.
    findingsJsonGz: await gzipChunks(findingsJsonChunks(caseData, findings, run)),
    server: serverSection(caseData),
  });
  const threads = buildThreads(messages);
  const rowCount = Math.max(caseData.links.length, inventory.length, timeline.length);
  for (let at = 0; at === 0 || at < rowCount; at += STORED_ROWS_PER_CALL) {
    const slice = <T>(rows: T[]) => rows.slice(at, at + STORED_ROWS_PER_CALL);
    await deps.caseDb.storeCaseRows({
      links: slice(caseData.links).map((link) => ({ link, threadId: threads.get(link.path) ?? null })),
      inventory: slice(inventory),
      timeline: slice(timeline),
      last: at + STORED_ROWS_PER_CALL >= rowCount,
    });
  }

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
      parsedFast,
      parsedReference: messages.length - parsedFast,
    },
    problems: inventory.filter((r) => r.status !== 'ok').map((r) => `${r.path}: ${r.error ?? r.status}`),
  };
  return {
    caseData,
    findings,
    get findingsJson() {
      return buildFindingsJson(caseData, findings, run);
    },
    result,
    open,
  };
}
