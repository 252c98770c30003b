/**
 * One analysis at a time: starts it through the TriageClient, follows its progress (throughput, ETA),
 * cancels it, and declares it done only once the views have their data. The latest run wins: results
 * and progress of an older or cancelled run are dropped.
 */
import type { AnalysisResult } from '../../lib/model/analysisResult.ts';
import type { Progress } from '../../lib/model/progress.ts';
import { formatBytes, formatCount, formatDuration } from '../format.ts';
import { damagedEvidence } from '../queries/damagedEvidence.ts';
import { clearError, errorReport, isAbortError, reportError } from '../reportError.svelte.ts';
import type { EvidenceInput, TriageClient } from '../triageClient.ts';
import { progressRate, trimSamples, type ProgressSample } from './progressRate.ts';
import { failedStepText } from './failedStep.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** How often views that show a run's first results are asked to look again while it parses messages. */
export const PARTIAL_REFRESH_MS = 2000;

/**
 * Messages are in the case database as soon as they are parsed: while a run goes on, and after a cancel,
 * views may show them, marked partial (no links, indicators or findings yet). `viewId` is what a view
 * opens them under (distinct from the finished run's id, so the finished case reloads); `tick` asks it to
 * look again.
 */
export interface PartialCase {
  viewId: number;
  tick: number;
  cancelled: boolean;
}

export interface AnalysisRunOptions {
  /** A new analysis starts: views drop everything of the previous case. */
  onStart?: () => void;
  /** Loads the views' data from the populated case database; "done" waits for it. */
  prepare?: (runId: number) => Promise<void>;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

export class AnalysisRun {
  status = $state<RunStatus>('idle');
  progress = $state.raw<Progress | null>(null);
  result = $state.raw<AnalysisResult | null>(null);
  /** Summaries of the evidence-damaged findings of the finished run: the status names them. */
  damage = $state.raw<string[]>([]);
  /** The run whose case database the views may read; 0 while none is ready. Views reload when it changes. */
  readyRunId = $state(0);
  bytesPerSecond = $state(0);
  etaSeconds = $state<number | null>(null);
  /** What was dropped, for the header ("sample-case.zip and 2 more"). */
  evidenceLabel = $state('');
  /** The inputs of the latest analysis, so it can run again with more (pasted DNS records). */
  lastInputs = $state.raw<EvidenceInput[]>([]);
  partial = $state.raw<PartialCase | null>(null);
  private partialAt = Number.NEGATIVE_INFINITY;
  /** The examiner's server time zone for this evidence; null lets the analysis guess it. */
  serverZone = $state<string | null>(null);

  private generation = 0;
  private controller: AbortController | null = null;
  private samples: ProgressSample[] = [];
  private readonly now: () => number;

  constructor(
    readonly client: TriageClient,
    private readonly options: AnalysisRunOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The test hook's data-state: an error reported anywhere on the page shows as "error". */
  get state(): RunStatus {
    return errorReport.message !== null ? 'error' : this.status;
  }

  get statusText(): string {
    const p = this.progress;
    switch (this.state) {
      case 'idle':
        return 'No evidence loaded. Drop files or folders, choose them, or load the demo evidence.';
      case 'running':
        return p ? [p.step, progressCounts(p)].filter(Boolean).join(' — ') : 'Starting…';
      case 'cancelled': {
        const at = p ? `Analysis cancelled at: ${[p.step, progressCounts(p)].filter(Boolean).join(', ')}.` : 'Analysis cancelled.';
        return this.partial ? `${at} The messages parsed before the cancel are listed in Messages, marked partial.` : at;
      }
      case 'error':
        return errorReport.message ?? 'The analysis failed.';
      case 'done':
        return this.result ? doneText(this.result, this.damage) : 'Analysis complete.';
    }
  }

  /** Starts a new analysis of exactly these inputs (new evidence: the server zone is guessed again). */
  start(inputs: EvidenceInput[]): Promise<void> {
    this.serverZone = null;
    return this.restart(inputs);
  }

  /**
   * Analyses the same evidence again with the server's clock in `zone` (IANA name or offset): every UTC time,
   * finding, export and report is derived anew from it, so nothing keeps a time of the old zone.
   */
  rezone(zone: string): Promise<void> {
    if (this.lastInputs.length === 0 || this.status === 'running') return Promise.resolve();
    this.serverZone = zone;
    return this.restart(this.lastInputs);
  }

  /** Analyses these inputs, keeping the examiner's server zone; a running analysis is cancelled first. */
  async restart(inputs: EvidenceInput[]): Promise<void> {
    if (inputs.length === 0) return;
    this.controller?.abort();
    const id = ++this.generation;
    const controller = new AbortController();
    this.controller = controller;
    clearError();
    this.status = 'running';
    this.readyRunId = 0;
    this.result = null;
    this.partial = null;
    this.partialAt = Number.NEGATIVE_INFINITY;
    this.damage = [];
    this.lastInputs = inputs;
    this.evidenceLabel = inputs.length === 1 ? inputs[0].path : `${inputs[0].path} and ${inputs.length - 1} more`;
    const bytesTotal = inputs.reduce((sum, i) => sum + i.file.size, 0);
    this.progress = { stage: 'ingest', step: 'Starting', filesDone: 0, filesTotal: inputs.length, bytesDone: 0, bytesTotal };
    this.samples = [];
    this.bytesPerSecond = 0;
    this.etaSeconds = null;
    this.options.onStart?.();
    try {
      const result = await this.client.analyze(inputs, (p) => this.onProgress(id, p), controller.signal, this.serverZone ?? undefined);
      if (id !== this.generation) return;
      this.result = result;
      this.progress = { ...(this.progress ?? emptyProgress()), stage: 'report', step: 'Loading the views' };
      this.readyRunId = id;
      await this.options.prepare?.(id);
      const damage = await damagedEvidence(this.client);
      if (id !== this.generation) return;
      this.damage = damage;
      this.status = 'done';
      this.partial = null;
      this.etaSeconds = null;
    } catch (err) {
      if (id !== this.generation) return;
      this.readyRunId = 0;
      if (controller.signal.aborted || isAbortError(err)) {
        this.status = 'cancelled';
      } else {
        this.status = 'error';
        reportError(err, failedStepText(this.progress));
      }
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Stops the running analysis; its late results and progress are ignored. */
  cancel(): void {
    if (this.status !== 'running' || !this.controller) return;
    this.controller.abort();
    this.controller = null;
    this.generation++;
    this.readyRunId = 0;
    this.status = 'cancelled';
    if (this.partial) this.partial = { ...this.partial, tick: this.partial.tick + 1, cancelled: true };
    this.etaSeconds = null;
  }

  /** A reported error is shown until the examiner dismisses it or starts a new analysis. */
  dismissError(): void {
    clearError();
  }

  private onProgress(id: number, p: Progress): void {
    if (id !== this.generation) return;
    this.progress = p;
    const at = this.now();
    this.samples = trimSamples([...this.samples, { at, bytesDone: p.bytesDone }], at);
    const rate = progressRate(this.samples, p.bytesTotal);
    this.bytesPerSecond = rate.bytesPerSecond;
    this.etaSeconds = rate.etaSeconds;
    if (p.stage === 'messages' && p.filesDone > 0 && at - this.partialAt >= PARTIAL_REFRESH_MS) {
      this.partialAt = at;
      this.partial = { viewId: -id, tick: (this.partial?.tick ?? 0) + 1, cancelled: false };
    }
  }
}

function emptyProgress(): Progress {
  return { stage: 'report', step: '', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 };
}

/** Empty while a stage reports no totals (e.g. a database import counted in statements, not files). */
function progressCounts(p: Progress): string {
  if (p.filesTotal === 0 && p.bytesTotal === 0) return '';
  return `${formatCount(p.filesDone)} / ${formatCount(p.filesTotal)} files, ${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}`;
}

function doneText(r: AnalysisResult, damage: string[]): string {
  const c = r.counts;
  const errors = c.inventoryErrors > 0 ? ` (${formatCount(c.inventoryErrors)} with errors)` : '';
  const summary =
    `Analysis complete: ${formatCount(c.evidenceFiles)} evidence files, ${formatCount(c.inventoryEntries)} inventory entries${errors}, ` +
    `${formatCount(c.messages)} messages, ${formatCount(c.accounts)} accounts, ${formatCount(c.domains)} domains, ` +
    `${formatCount(c.logLines)} log lines, ${formatCount(c.findings)} findings in ${formatDuration(r.durationMs / 1000)}.`;
  // Damage is always said: evidence read in part never gets a bare "Analysis complete".
  const damaged = damage.length > 0 ? ` Damaged evidence: ${damage[0]}${damage.length > 1 ? ` (and ${formatCount(damage.length - 1)} more, see Indicators)` : ''}` : '';
  if (r.problems.length === 0) return `${summary}${damaged}`;
  // The first problem in words, so a bad input is explained where the examiner looks first.
  const more = r.problems.length > 1 ? ` (and ${formatCount(r.problems.length - 1)} more, see the Overview)` : '';
  return `${summary} Problem: ${r.problems[0]}${more}${damaged}`;
}
