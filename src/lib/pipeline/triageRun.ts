/**
 * The state one triage run shares between runTriage and the entry handlers (entries/), passed to each handler
 * explicitly: what was read so far, where failures and progress go, the parsed-message sink and the choice of
 * the case database. Entries reach their handler through `onEntry`.
 */
import { hasStubSubject, isPostmaster } from '../analyze/support/serverStubSigns.ts';
import type { IngestedEntry } from '../ingest/ingestEvidence.ts';
import { throwIfAborted } from '../ingest/throwIfAborted.ts';
import { createLogAccumulator } from '../logs/logStream.ts';
import type { CaseData } from '../model/caseData.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import type { HmailIni } from '../model/hmailIni.ts';
import type { EntryStatus, InventoryEntry } from '../model/inventoryEntry.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { Progress, Stage } from '../model/progress.ts';
import type { AppendedMessage } from '../store/appendMessages.ts';
import { BoundedQueue } from './boundedQueue.ts';
import { CaseDatabaseChoice } from './caseDatabaseChoice.ts';
import { compactMessage } from './compactMessage.ts';
import { ENTRY_HANDLERS } from './entries/entryHandlers.ts';
import type { ParsedForRun } from './parseForRun.ts';
import type { ProvisionalFindings } from './provisionalFindings.ts';
import type { TriageDeps } from './triageDeps.ts';

/** Parsed messages go to the case database in batches of this many. */
const APPEND_BATCH = 200;

export class TriageRun {
  /** Compact summaries (compactMessage): the bulk of each message is in the case database. */
  readonly messages: ParsedMessage[] = [];
  readonly parseErrors: CaseData['parseErrors'] = [];
  /** Status and error that replace an inventory row's own, by path. */
  readonly overrides = new Map<string, { status: EntryStatus; error: string }>();
  readonly sdfPaths: string[] = [];
  /** The rows and bytes of files extracted from .7z archives. */
  readonly expandedRows: InventoryEntry[] = [];
  readonly expandedContents = new Map<string, Uint8Array>();
  /** Messages with a DKIM signature read before the DNS snapshot was known. */
  readonly signedMessagePaths: string[] = [];
  readonly logs = createLogAccumulator();
  ini: HmailIni | null = null;
  dns: DnsSnapshot | null = null;
  readonly queue: BoundedQueue;
  readonly database: CaseDatabaseChoice;
  nextMessageId = 1;
  parsedFast = 0;
  /** Set once intake of everything but deferred messages is done: which bodies server-stub-message may read. */
  stubSubject: { custom: string | null } | null = null;
  /** Set once the message files are reached: the findings of each batch, shown while the run goes on. */
  provisional: ProvisionalFindings | null = null;
  private appendBatch: AppendedMessage[] = [];
  private provisionalBatch: ParsedMessage[] = [];

  constructor(
    readonly deps: TriageDeps,
    readonly signal: AbortSignal | undefined,
    /** Parse every message with postal-mime, the reference parser. */
    readonly reference: boolean,
    private readonly onProgress: ((p: Progress) => void) | undefined,
  ) {
    this.queue = new BoundedQueue(Math.max(1, deps.parseConcurrency));
    this.database = new CaseDatabaseChoice(deps.caseDb, (path, kind, reason, status) => this.fail(path, kind, reason, status));
  }

  report(stage: Stage, step: string, p: Partial<Progress> = {}): void {
    this.onProgress?.({ stage, step, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, ...p });
  }

  /** A parse error of `path`, which also becomes its inventory row's status. */
  fail(path: string, kind: string, reason: string, status: EntryStatus = 'error'): void {
    this.parseErrors.push({ path, kind, reason });
    this.overrides.set(path, { status, error: reason });
  }

  noteDbProblems(path: string, problems: ImportProblem[]): void {
    for (const p of problems) this.parseErrors.push({ path, kind: 'database', reason: `line ${p.line}: ${p.reason} — ${p.statement}` });
  }

  /**
   * Hands an inventory entry to the handler of its format; entries that were not read, and formats nothing
   * reads, stop here.
   * @throws DOMException AbortError when the run is cancelled; any error of the handler.
   */
  async onEntry(e: IngestedEntry): Promise<void> {
    throwIfAborted(this.signal);
    if (e.entry.status !== 'ok') return;
    await ENTRY_HANDLERS[e.entry.format]?.(e, this);
  }

  keepText(m: ParsedMessage): boolean {
    return this.stubSubject === null || hasStubSubject(m, this.stubSubject.custom) || isPostmaster(m);
  }

  async acceptMessage(id: number, { message, tokens }: ParsedForRun): Promise<void> {
    if (message.parsedBy === 'fast') this.parsedFast++;
    const summary = compactMessage(message, this.keepText(message));
    this.messages.push(summary);
    if (this.provisional) this.provisionalBatch.push(summary);
    if (message.parseError) this.fail(message.path, 'message', message.parseError);
    if (message.dkim.length > 0 && !this.dns) this.signedMessagePaths.push(message.path);
    this.appendBatch.push({ id, message, tokens });
    if (this.appendBatch.length >= APPEND_BATCH) await this.flushAppend();
  }

  async flushAppend(): Promise<void> {
    const batch = this.appendBatch;
    const summaries = this.provisionalBatch;
    this.appendBatch = [];
    this.provisionalBatch = [];
    if (batch.length > 0) await this.deps.caseDb.appendMessages(batch);
    const found = this.provisional && summaries.length > 0 ? this.provisional(summaries) : [];
    if (found.length > 0) await this.deps.caseDb.appendFindings(found);
  }
}
