/** Ingest and orchestration: reads the evidence, feeds the parser pool and the case database. */
import { expose, transfer } from 'comlink';
import type { Progress } from '../src/lib/model/progress.ts';
import type { TriageInput } from '../src/lib/pipeline/runTriage.ts';
import { createTriageSession } from '../src/lib/pipeline/triageSession.ts';
import { messagesZip } from '../src/lib/report/messagesZip.ts';
import { ownBuffer, remoteDeps, type RemoteDeps } from './remoteDeps.ts';

const session = createTriageSession();
let deps: RemoteDeps | null = null;

const api = {
  async analyze(
    inputs: TriageInput[],
    runId: number,
    version: string,
    ports: { caseDb: MessagePort; parsers: MessagePort[] },
    onProgress: (p: Progress) => void,
    serverZone?: string,
  ) {
    deps = remoteDeps(ports.caseDb, ports.parsers);
    return session.analyze(inputs, deps, { runId, version, onProgress, now: () => new Date(), serverZone });
  },
  async readEntry(path: string) {
    const bytes = ownBuffer(await session.readEntry(path));
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  async messageDetail(path: string) {
    if (!deps) throw new Error('No analysis has run yet.');
    const bytes = ownBuffer(await session.readEntry(path));
    return deps.messageDetail(transfer(bytes, [bytes.buffer as ArrayBuffer]), path);
  },
  logTranscript: session.logTranscript,
  async exportMessagesZip(paths: string[]) {
    if (!deps) throw new Error('No analysis has run yet.');
    const items = [];
    for (const path of paths) {
      const raw = await session.readEntry(path);
      const detail = await deps.messageDetail(raw.slice(), path);
      items.push({ path, raw, attachments: detail.attachments });
    }
    const zip = await messagesZip(items, new Date().toISOString());
    return transfer(zip, [zip.buffer as ArrayBuffer]);
  },
};

export type TriageWorkerApi = typeof api;
expose(api);
