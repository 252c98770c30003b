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
import { sdfNotice } from '../database/sdfNotice.ts';
import { ingestEvidence } from '../ingest/ingestEvidence.ts';
import { throwIfAborted } from '../ingest/throwIfAborted.ts';
import { readStreamFully } from '../ingest/readStreamFully.ts';
import { linkMessages } from '../link/linkMessages.ts';
import { createLogAccumulator, finishLogs } from '../logs/logStream.ts';
import { buildThreads } from '../mail/buildThreads.ts';
import type { AnalysisResult } from '../model/analysisResult.ts';
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { HmailDatabase } from '../model/hmailDatabase.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { DeferredMessage } from '../ingest/deferredMessage.ts';
import { openZipEntry } from '../ingest/openZipEntry.ts';
import { serverMessageText } from '../analyze/support/serverMessageText.ts';
import type { Progress } from '../model/progress.ts';
import { buildFindingsJson, findingsJsonChunks, serverSection, type RunInfo } from '../report/findingsJson.ts';
import { gzipChunks } from '../store/gzipText.ts';
import { buildTimeline } from '../timeline/buildTimeline.ts';
import { chooseServerZone } from '../analyze/zone/chooseServerZone.ts';
import { bytesStream } from './bytesStream.ts';
import { compactMessage } from './compactMessage.ts';
import { MAX_MESSAGE_BYTES } from './messageLimits.ts';
import { planMessageJobs, type PlannedJob } from './planMessageJobs.ts';
import type { MessageJob, MessageJobResult } from './readMessageJob.ts';
import { provisionalFindings } from './provisionalFindings.ts';
import type { TriageDeps } from './triageDeps.ts';
import { TriageRun } from './triageRun.ts';

/** Rows of each kind per storeCaseRows call at the end of a run: a few megabytes to clone at a time. */
const STORED_ROWS_PER_CALL = 5_000;

export type { TriageDeps } from './triageDeps.ts';

export interface TriageInput {
  file: Blob;
  path: string;
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

export async function runTriage(inputs: TriageInput[], deps: TriageDeps, options: TriageOptions): Promise<TriageOutcome> {
  const { signal } = options;
  const reference = options.referenceParser ?? false;
  const started = options.now();
  const analyzerOptions: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, now: started.toISOString(), ...options.analyzer };
  const run = new TriageRun(deps, signal, reference, options.onProgress);

  await deps.caseDb.reset();

  const { messages, parseErrors, overrides, sdfPaths, expandedRows, expandedContents, signedMessagePaths, logs, queue } = run;
  const deferred: DeferredMessage[] = [];
  const deferredRows: InventoryEntry[] = [];
  const deferredByPath = new Map<string, DeferredMessage>();

  const ingest = await ingestEvidence(inputs, {
    signal,
    onEntry: (e) => run.onEntry(e),
    onProgress: (p) => run.report('ingest', p.step, p),
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
  await run.flushAppend();
  throwIfAborted(signal);

  run.report('database', 'Reading the hMailServer database');
  const database: HmailDatabase | null = await deps.caseDb.readHmailDatabase();
  run.stubSubject = { custom: serverMessageText(database, 'MESSAGE_UNDELIVERABLE')?.trim().toLowerCase() || null };
  const noLogs = finishLogs(createLogAccumulator());
  const messagePaths = new Set([...ingest.inventory, ...expandedRows].filter((e) => e.kind === 'message').map((e) => e.path));
  for (const m of messages) messagePaths.add(m.path);
  for (const d of deferred) messagePaths.add(d.path);
  run.provisional = provisionalFindings(
    {
      evidence: ingest.evidence, inventory: [], ini: run.ini, database, logs: noLogs, dns: run.dns, weakPasswords: [], parseErrors: [],
      // The perMessage analyzers read no time zone; the whole case's is chosen when the run ends.
      serverZone: chooseServerZone({ database, messages: [], links: [], logs: noLogs }, options.serverZone),
    },
    [...messagePaths].sort(compareStrings),
    analyzerOptions,
  );

  // Message files last: the database, ini and DNS snapshot they are read against are known by now.
  deferred.sort((a, b) => compareStrings(a.path, b.path));
  const firstDeferredId = run.nextMessageId;
  const deferredIds = new Map(deferred.map((d, i) => [d.path, firstDeferredId + i]));
  run.nextMessageId += deferred.length;
  const jobs = planMessageJobs(deferred);
  const jobProgress = { files: 0, bytes: 0, total: jobs.reduce((n, j) => n + j.bytes, 0) };
  const onJobDone = async (job: PlannedJob, results: MessageJobResult[]) => {
    for (const r of results) {
      deferredRows.push(r.row);
      if (r.message && r.tokens) await run.acceptMessage(deferredIds.get(r.row.path)!, { message: r.message, tokens: r.tokens });
      else if (r.row.status === 'ok' && r.row.format !== 'eml' && r.row.format !== 'hma') {
        const d = deferredByPath.get(r.row.path)!;
        await run.onEntry({ entry: r.row, bytes: null, head: new Uint8Array(0), open: () => openDeferred(d) });
      }
    }
    jobProgress.files += job.entries.length;
    jobProgress.bytes += job.bytes;
    run.report('messages', `Parsing messages: ${jobProgress.files} of ${deferred.length}`, {
      filesDone: jobProgress.files,
      filesTotal: deferred.length,
      bytesDone: jobProgress.bytes,
      bytesTotal: jobProgress.total,
    });
  };
  for (const job of jobs) {
    throwIfAborted(signal);
    const sent: MessageJob = { source: job.source.slice(job.offset, job.end), offset: job.offset, entries: job.entries, dns: run.dns, reference };
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
  run.report('messages', `Finishing ${messages.length} message parses`);
  await queue.drain();
  await run.flushAppend();
  throwIfAborted(signal);
  run.report('messages', 'Finishing the hash of the evidence files');
  await ingest.finished;

  for (const path of sdfPaths) run.fail(path, 'database', sdfNotice(run.ini), 'skipped');

  const weakPasswords = database ? await deps.findWeakPasswords(database.accounts) : [];
  throwIfAborted(signal);

  // Messages read before the DNS snapshot was known are parsed again to check their DKIM signatures with it.
  if (run.dns && signedMessagePaths.length > 0) {
    run.report('messages', `Verifying ${signedMessagePaths.length} DKIM signatures with the DNS snapshot`);
    const byPath = new Map(messages.map((m, i) => [m.path, i]));
    for (const path of signedMessagePaths) {
      const stream = open(path);
      const bytes = stream ? await readStreamFully(stream, { maxBytes: MAX_MESSAGE_BYTES }) : null;
      const index = byPath.get(path);
      if (!bytes || index === undefined) continue;
      const old = messages[index];
      const { message } = await deps.parseMessage(bytes, path, { md5: old.md5, sha256: old.sha256 }, run.dns, reference);
      messages[index] = compactMessage(message, run.keepText(message));
    }
  }
  messages.sort((a, b) => compareStrings(a.path, b.path));

  run.report('logs', 'Rebuilding log sessions');
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
    ini: run.ini,
    database,
    messages,
    logs: logData,
    dns: run.dns,
    weakPasswords,
    parseErrors,
  };
  const withZone = { ...partial, serverZone: chooseServerZone({ ...partial, links: [] }, options.serverZone) };
  const caseData: CaseData = { ...withZone, links: linkMessages(withZone) };

  run.report('analyze', 'Running analyzers');
  const findings = runAnalyzers(caseData, analyzerOptions);
  const timeline = buildTimeline(caseData);
  const finished = options.now();
  const runInfo: RunInfo = {
    generator: 'hmail-triage',
    version: options.version,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    timezone: caseData.serverZone.id,
  };

  run.report('report', 'Writing the case database');
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
    findingsJsonGz: await gzipChunks(findingsJsonChunks(caseData, findings, runInfo)),
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
      parsedFast: run.parsedFast,
      parsedReference: messages.length - run.parsedFast,
    },
    problems: inventory.filter((r) => r.status !== 'ok').map((r) => `${r.path}: ${r.error ?? r.status}`),
  };
  return {
    caseData,
    findings,
    get findingsJson() {
      return buildFindingsJson(caseData, findings, runInfo);
    },
    result,
    open,
  };
}
