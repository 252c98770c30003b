/**
 * The three worker entry files, loaded in Node and wired the way src/ui/workerClient.ts wires them, over
 * real MessageChannels. Comlink's default-endpoint `expose(api)` is captured instead of binding to a worker
 * global, so each entry's own `api` object is what the channels talk to; no bundler and no worker thread.
 */
import { proxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../src/lib/model/analysisResult.ts';
import type { Progress } from '../../src/lib/model/progress.ts';
import type { CaseDbWorkerApi } from '../../workers/caseDb.worker.ts';
import type { ParseWorkerApi } from '../../workers/parse.worker.ts';
import type { TriageWorkerApi } from '../../workers/triage.worker.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../helpers/demoEvidence.ts';
import { FIXED_NOW, fileInput, nodeTriage } from '../helpers/nodeTriage.ts';

const captured = vi.hoisted(() => ({ apis: [] as object[], realExpose: null as null | ((obj: object, ep: Endpoint) => void) }));

vi.mock('comlink', async (importOriginal) => {
  const real = await importOriginal<typeof import('comlink')>();
  captured.realExpose = real.expose;
  return {
    ...real,
    expose: (obj: object, ep?: Endpoint) => (ep ? real.expose(obj, ep) : void captured.apis.push(obj)),
  };
});

const openPorts: MessagePort[] = [];
afterAll(() => openPorts.forEach((p) => p.close()));

function channel(): MessageChannel {
  const c = new MessageChannel();
  openPorts.push(c.port1, c.port2);
  return c;
}

/** Imports a worker entry and returns the api object it handed to expose(), boxed so it is never awaited itself. */
async function entryApi(load: () => Promise<unknown>): Promise<{ api: object }> {
  const before = captured.apis.length;
  await load();
  expect(captured.apis).toHaveLength(before + 1);
  return { api: captured.apis[before] };
}

/** The api behind a real MessageChannel, as the page sees a worker. */
function overChannel<T>(api: object): Remote<T> {
  const c = channel();
  captured.realExpose!(api, c.port2);
  return wrap<T>(c.port1);
}

const blankRun = (json: string) => json.replace(/"run": \{[^}]*\}/, '"run": {}');

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}

describe('worker entries wired as in workerClient.ts', () => {
  let caseDb: Remote<CaseDbWorkerApi>;
  let parser: Remote<ParseWorkerApi>;
  let triage: Remote<TriageWorkerApi>;
  let result: AnalysisResult;
  const progress: Progress[] = [];
  let expected: Awaited<ReturnType<typeof nodeTriage>>;
  let doc: { inventory: { path: string; kind: string; sha256: string }[] };

  beforeAll(async () => {
    caseDb = overChannel<CaseDbWorkerApi>((await entryApi(() => import('../../workers/caseDb.worker.ts'))).api);
    parser = overChannel<ParseWorkerApi>((await entryApi(() => import('../../workers/parse.worker.ts'))).api);
    triage = overChannel<TriageWorkerApi>((await entryApi(() => import('../../workers/triage.worker.ts'))).api);

    const caseChannel = channel();
    await caseDb.connect(transfer(caseChannel.port1, [caseChannel.port1]));
    const parserChannel = channel();
    await parser.connect(transfer(parserChannel.port1, [parserChannel.port1]));
    const ports = { caseDb: caseChannel.port2, parsers: [parserChannel.port2] };

    const bytes = demoEvidenceBytes();
    const input = fileInput(DEMO_ZIP_NAME, bytes);
    // The worker stamps its run with new Date(); pin it to nodeTriage's clock so both runs judge times alike.
    vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW });
    try {
      result = await triage.analyze(
        [input],
        7,
        'test',
        transfer(ports, [caseChannel.port2, parserChannel.port2]),
        proxy((p: Progress) => void progress.push(p)),
      );
    } finally {
      vi.useRealTimers();
    }
    expected = await nodeTriage([fileInput(DEMO_ZIP_NAME, bytes)]);
    doc = JSON.parse(expected.outcome.findingsJson);
  }, 180_000);

  it('analyze gives the same counts as the pipeline run directly in Node', () => {
    expect(result.runId).toBe(7);
    expect(result.counts).toEqual(expected.outcome.result.counts);
    expect(result.counts.findings).toBeGreaterThan(0);
    expect(result.problems).toEqual(expected.outcome.result.problems);
  });

  it('reports progress back through the proxied callback', () => {
    expect(progress.length).toBeGreaterThan(0);
    expect(new Set(progress.map((p) => p.stage))).toContain('ingest');
  });

  it('leaves the same findings.json in the caseDb worker (apart from the run block)', async () => {
    const json = await caseDb.findingsJson();
    expect(json).toContain('"run": {');
    expect(blankRun(json)).toBe(blankRun(expected.outcome.findingsJson));
  });

  it('carries a refused write back as an Error with its message', async () => {
    await expect(caseDb.consoleQuery('DELETE FROM case_findings')).rejects.toThrow(/^Refused: the case database is read-only here/);
    expect((await caseDb.consoleQuery('SELECT count(*) FROM case_findings')).rows).toEqual([[result.counts.findings]]);
  });

  it('readEntry returns the evidence bytes of an entry', async () => {
    const message = doc.inventory.find((e) => e.kind === 'message')!;
    const bytes = await triage.readEntry(message.path);
    expect(await sha256(bytes)).toBe(message.sha256);
  });

  it('messageDetail goes through the parser pool and returns the raw message', async () => {
    const message = doc.inventory.find((e) => e.kind === 'message')!;
    const detail = await triage.messageDetail(message.path);
    expect(detail.path).toBe(message.path);
    expect(await sha256(detail.raw)).toBe(message.sha256);
    expect(detail.mimeTree.length).toBeGreaterThan(0);
  });

  it('logTranscript returns the lines asked for', async () => {
    const log = doc.inventory.find((e) => e.kind === 'log')!;
    const lines = await triage.logTranscript(log.path, 1, 3, null);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^"/);
  });

  it('exportMessagesZip returns a zip', async () => {
    const paths = doc.inventory.filter((e) => e.kind === 'message').map((e) => e.path).slice(0, 2);
    const zip = await triage.exportMessagesZip(paths);
    expect(String.fromCharCode(zip[0], zip[1], zip[2], zip[3])).toBe('PK\u0003\u0004');
  });

  it('the parse worker checks passwords on its own too', async () => {
    expect(await parser.findWeakPasswords([])).toEqual([]);
  });
});
