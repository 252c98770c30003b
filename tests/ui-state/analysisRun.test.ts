// The analysis lifecycle the test hooks expose: idle → running → done (only after the views are
// prepared), cancel → cancelled, errors → error, and the latest run always wins.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../src/lib/model/progress.ts';
import { errorReport, reportError } from '../../src/ui/reportError.svelte.ts';
import { AnalysisRun, PARTIAL_REFRESH_MS } from '../../src/ui/state/analysisRun.svelte.ts';
import type { AnalysisResult } from '../../src/lib/model/analysisResult.ts';
import type { EvidenceInput } from '../../src/ui/triageClient.ts';
import { abortError, deferred, evidence, mockClient, result, type Deferred } from './mockClient.ts';

type OnProgress = (p: Progress) => void;

interface Held {
  run: Deferred<AnalysisResult>;
  onProgress: OnProgress;
  signal: AbortSignal;
  inputs: EvidenceInput[];
}

/** A client whose analyses stay open until the test settles them. */
function heldClient() {
  const held: Held[] = [];
  const client = mockClient({
    analyze: vi.fn((inputs: EvidenceInput[], onProgress: OnProgress, signal: AbortSignal) => {
      const run = deferred<AnalysisResult>();
      held.push({ run, onProgress, signal, inputs });
      return run.promise;
    }),
  });
  return { client, held };
}

const progress = (bytesDone: number, bytesTotal = 100_000_000, step = 'Reading sample-case.zip'): Progress => ({
  stage: 'ingest', step, filesDone: 1, filesTotal: 3, bytesDone, bytesTotal,
});

beforeEach(() => {
  errorReport.message = null;
  // reportError logs for the developer console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('AnalysisRun', () => {
  it('offers the messages parsed so far while running, refreshed at most every PARTIAL_REFRESH_MS, and keeps them on cancel', async () => {
    const { client, held } = heldClient();
    let now = 0;
    const run = new AnalysisRun(client, { now: () => now });
    void run.start([evidence('case.zip')]);
    const messages = (filesDone: number): Progress => ({ stage: 'messages', step: 'Parsing', filesDone, filesTotal: 10, bytesDone: filesDone, bytesTotal: 10 });
    held[0].onProgress(progress(10));
    expect(run.partial).toBeNull();
    held[0].onProgress(messages(1));
    const first = run.partial!;
    expect(first).toEqual({ viewId: -1, tick: 1, cancelled: false });
    now += PARTIAL_REFRESH_MS / 2;
    held[0].onProgress(messages(2));
    expect(run.partial).toBe(first);
    now += PARTIAL_REFRESH_MS;
    held[0].onProgress(messages(3));
    expect(run.partial).toEqual({ viewId: -1, tick: 2, cancelled: false });
    run.cancel();
    expect(run.partial).toEqual({ viewId: -1, tick: 3, cancelled: true });
    expect(run.statusText).toMatch(/listed in Messages, marked partial/);
  });

  it('drops the partial view once the run is done', async () => {
    const { client, held } = heldClient();
    const run = new AnalysisRun(client);
    const started = run.start([evidence('case.zip')]);
    held[0].onProgress({ stage: 'messages', step: 'Parsing', filesDone: 1, filesTotal: 2, bytesDone: 1, bytesTotal: 2 });
    expect(run.partial).not.toBeNull();
    held[0].run.resolve(result(1));
    await started;
    expect(run.partial).toBeNull();
  });

  it('starts idle with a hint', () => {
    const run = new AnalysisRun(mockClient());
    expect(run.state).toBe('idle');
    expect(run.statusText).toMatch(/No evidence loaded/);
  });

  it('ignores an empty selection', async () => {
    const client = mockClient();
    const run = new AnalysisRun(client);
    await run.start([]);
    expect(client.analyze).not.toHaveBeenCalled();
    expect(run.state).toBe('idle');
  });

  it('analyzes exactly the given inputs and is done only after prepare resolved', async () => {
    const { client, held } = heldClient();
    const prepared = deferred<void>();
    const prepare = vi.fn(() => prepared.promise);
    const run = new AnalysisRun(client, { prepare });
    const inputs = [evidence('a.zip', 10), evidence('b.log', 20)];
    const started = run.start(inputs);
    expect(run.state).toBe('running');
    expect(held[0].inputs).toBe(inputs);
    expect(run.progress).toMatchObject({ filesTotal: 2, bytesTotal: 30, bytesDone: 0 });
    expect(run.evidenceLabel).toBe('a.zip and 1 more');

    held[0].run.resolve(result(1, 25));
    await vi.waitFor(() => expect(prepare).toHaveBeenCalledWith(1));
    expect(run.state).toBe('running');
    expect(run.readyRunId).toBe(1);
    prepared.resolve();
    await started;
    expect(run.state).toBe('done');
    expect(run.statusText).toBe(
      'Analysis complete: 1 evidence files, 10 inventory entries (1 with errors), 7 messages, 3 accounts, 2 domains, 120 log lines, 25 findings in 1.5 s.',
    );
  });

  it('measures throughput and ETA from progress samples', async () => {
    let now = 0;
    const { client, held } = heldClient();
    const run = new AnalysisRun(client, { now: () => now });
    void run.start([evidence('big.zip')]);
    held[0].onProgress(progress(0));
    now = 1000;
    held[0].onProgress(progress(10_000_000));
    now = 2000;
    held[0].onProgress(progress(20_000_000));
    expect(run.bytesPerSecond).toBeCloseTo(10_000_000);
    expect(run.etaSeconds).toBeCloseTo(8);
    expect(run.statusText).toBe('Reading sample-case.zip — 1 / 3 files, 20 MB / 100 MB');
  });

  it('cancel stops the run, aborts the signal, and drops the late result', async () => {
    const { client, held } = heldClient();
    const prepare = vi.fn(async () => {});
    const run = new AnalysisRun(client, { prepare });
    const started = run.start([evidence('a.zip')]);
    held[0].onProgress(progress(5_000_000));
    run.cancel();
    expect(held[0].signal.aborted).toBe(true);
    expect(run.state).toBe('cancelled');
    expect(run.statusText).toBe('Analysis cancelled at: Reading sample-case.zip, 1 / 3 files, 5.0 MB / 100 MB.');
    held[0].run.resolve(result(1));
    held[0].onProgress(progress(9_000_000));
    await started;
    expect(run.state).toBe('cancelled');
    expect(run.result).toBeNull();
    expect(run.progress?.bytesDone).toBe(5_000_000);
    expect(prepare).not.toHaveBeenCalled();
  });

  it('an AbortError from the client means cancelled, not error', async () => {
    const client = mockClient({ analyze: vi.fn(async () => Promise.reject(abortError())) });
    const run = new AnalysisRun(client);
    await run.start([evidence('a.zip')]);
    expect(run.state).toBe('cancelled');
    expect(errorReport.message).toBeNull();
  });

  it('a failed analysis sets error with one specific message', async () => {
    const client = mockClient({ analyze: vi.fn(async () => Promise.reject(new Error('caseDb worker crashed'))) });
    const run = new AnalysisRun(client);
    await run.start([evidence('a.zip')]);
    expect(run.state).toBe('error');
    expect(run.statusText).toBe('The analysis failed in the intake (listing, inflating and hashing the evidence): caseDb worker crashed');
    expect(run.readyRunId).toBe(0);
  });

  it('a failing prepare (views could not load) is an error too', async () => {
    const run = new AnalysisRun(mockClient(), { prepare: async () => Promise.reject(new Error('no such table: case_findings')) });
    await run.start([evidence('a.zip')]);
    expect(run.state).toBe('error');
    expect(errorReport.message).toBe('The analysis failed in the case database and views, at "Loading the views": no such table: case_findings');
  });

  it('names the stage and the file it was on when the analysis fails', async () => {
    const { client, held } = heldClient();
    const run = new AnalysisRun(client);
    const started = run.start([evidence('case.zip')]);
    held[0].onProgress(progress(10, 100, 'Reading case.zip/Data/x.example/bob/{1}.eml'));
    held[0].onProgress({ stage: 'database', step: 'Importing case.zip/backup/hmailserver.sql', filesDone: 0, filesTotal: 1, bytesDone: 5, bytesTotal: 9 });
    held[0].run.reject(new Error('out of memory'));
    await started;
    expect(run.state).toBe('error');
    expect(run.statusText).toBe('The analysis failed in the database import, at "Importing case.zip/backup/hmailserver.sql": out of memory');
  });

  it('a new analysis supersedes the running one: its results and progress are dropped', async () => {
    const { client, held } = heldClient();
    const onStart = vi.fn();
    const run = new AnalysisRun(client, { onStart });
    const first = run.start([evidence('old.zip')]);
    const second = run.start([evidence('new.zip')]);
    expect(held[0].signal.aborted).toBe(true);
    expect(onStart).toHaveBeenCalledTimes(2);
    held[0].onProgress(progress(1, 1, 'old step'));
    expect(run.progress?.step).not.toBe('old step');
    held[0].run.resolve(result(1, 99));
    await first;
    expect(run.state).toBe('running');
    held[1].run.resolve(result(2, 4));
    await second;
    expect(run.state).toBe('done');
    expect(run.result?.counts.findings).toBe(4);
    expect(run.readyRunId).toBe(2);
  });

  it('an error reported anywhere shows as data-state error until a new analysis starts', async () => {
    const run = new AnalysisRun(mockClient());
    await run.start([evidence('a.zip')]);
    expect(run.state).toBe('done');
    reportError(new Error('disk full'), 'Could not export report.html');
    expect(run.state).toBe('error');
    expect(run.statusText).toBe('Could not export report.html: disk full');
    await run.start([evidence('a.zip')]);
    expect(run.state).toBe('done');
  });

  it('reportError ignores AbortError', () => {
    reportError(abortError(), 'whatever');
    expect(errorReport.message).toBeNull();
  });

  it('cancel does nothing when no analysis runs', async () => {
    const run = new AnalysisRun(mockClient());
    await run.start([evidence('a.zip')]);
    run.cancel();
    expect(run.state).toBe('done');
  });
});

describe('AnalysisRun status text', () => {
  it('shows only the step while a stage reports no totals', () => {
    const { client, held } = heldClient();
    const run = new AnalysisRun(client);
    void run.start([evidence('a.zip')]);
    held[0].onProgress({ stage: 'database', step: 'Reading the hMailServer database', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });
    expect(run.statusText).toBe('Reading the hMailServer database');
  });
});

describe('AnalysisRun done text', () => {
  it('names the first input problem and how many more there are', async () => {
    const problems = ['unknown.bin: not recognised as hMailServer evidence', 'empty.zip: the archive is empty'];
    const run = new AnalysisRun(mockClient({ analyze: vi.fn(async () => ({ ...result(1), problems })) }));
    await run.start([evidence('unknown.bin')]);
    expect(run.state).toBe('done');
    expect(run.statusText).toMatch(/ Problem: unknown\.bin: not recognised as hMailServer evidence \(and 1 more, see the Overview\)$/);
  });

  it('never says a bare "Analysis complete" of damaged evidence: the evidence-damaged findings are named', async () => {
    const query = vi.fn(async (sql: string) => ({
      columns: ['summary'],
      rows: sql.includes("'evidence-damaged'") ? [['dump.sql is damaged: the script does not end with GO.'], ['b.zip is damaged: CRC.']] : [],
    }));
    const run = new AnalysisRun(mockClient({ query }));
    await run.start([evidence('dump.sql')]);
    expect(run.state).toBe('done');
    expect(run.statusText).toMatch(/ Damaged evidence: dump\.sql is damaged: the script does not end with GO\. \(and 1 more, see Indicators\)$/);
    const clean = new AnalysisRun(mockClient());
    await clean.start([evidence('ok.eml')]);
    expect(clean.statusText).not.toMatch(/Damaged/);
  });
});
