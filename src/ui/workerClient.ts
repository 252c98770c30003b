/**
 * The only place workers are created, wired and terminated. Cancel terminates the run's workers (intake and
 * parsers; fresh ones start lazily on the next call) but keeps the case database, so what was analysed
 * before the cancel can still be shown; results of an older run are never delivered as current.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import { version } from '../../package.json';
import type { CaseDbWorkerApi } from '../../workers/caseDb.worker.ts';
import CaseDbWorker from '../../workers/caseDb.worker.ts?worker&inline';
import type { ParseWorkerApi } from '../../workers/parse.worker.ts';
import ParseWorker from '../../workers/parse.worker.ts?worker&inline';
import type { TriageWorkerApi } from '../../workers/triage.worker.ts';
import TriageWorker from '../../workers/triage.worker.ts?worker&inline';
import { plainData } from './plainData.ts';
import type { TriageClient } from './triageClient.ts';

interface Workers {
  caseDbWorker: Worker;
  runWorkers: Worker[];
  caseDb: Remote<CaseDbWorkerApi>;
  triage: Remote<TriageWorkerApi>;
  parsers: Remote<ParseWorkerApi>[];
}

/**
 * One parser per core: message parsing dominates a run while the triage worker mostly waits on the pool;
 * capped so a many-core machine does not hold six copies of the parser's memory for little gain.
 */
function poolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 2;
  return Math.min(6, Math.max(1, cores));
}

function startWorkers(kept: Pick<Workers, 'caseDbWorker' | 'caseDb'> | null): Workers {
  const caseDbWorker = kept?.caseDbWorker ?? new CaseDbWorker();
  const triageWorker = new TriageWorker();
  const parseWorkers = Array.from({ length: poolSize() }, () => new ParseWorker());
  return {
    caseDbWorker,
    runWorkers: [triageWorker, ...parseWorkers],
    caseDb: kept?.caseDb ?? wrap<CaseDbWorkerApi>(caseDbWorker),
    triage: wrap<TriageWorkerApi>(triageWorker),
    parsers: parseWorkers.map((w) => wrap<ParseWorkerApi>(w)),
  };
}

export function createWorkerClient(): TriageClient {
  let workers: Workers | null = null;
  /** The case database of a cancelled run, kept after its run's workers were terminated. */
  let keptCaseDb: Pick<Workers, 'caseDbWorker' | 'caseDb'> | null = null;
  let runId = 0;
  const get = (): Workers => {
    workers ??= startWorkers(keptCaseDb);
    keptCaseDb = null;
    return workers;
  };
  const stop = () => {
    workers?.runWorkers.forEach((w) => w.terminate());
    workers?.caseDbWorker.terminate();
    keptCaseDb?.caseDbWorker.terminate();
    workers = null;
    keptCaseDb = null;
  };
  const stopRun = () => {
    if (!workers) return;
    workers.runWorkers.forEach((w) => w.terminate());
    keptCaseDb = { caseDbWorker: workers.caseDbWorker, caseDb: workers.caseDb };
    workers = null;
  };

  return {
    async analyze(inputs, onProgress, signal, serverZone) {
      const current = ++runId;
      stop();
      const w = get();
      const abort = () => stopRun();
      signal.addEventListener('abort', abort, { once: true });
      try {
        const caseChannel = new MessageChannel();
        await w.caseDb.connect(transfer(caseChannel.port1, [caseChannel.port1]));
        const parserPorts: MessagePort[] = [];
        for (const parser of w.parsers) {
          const channel = new MessageChannel();
          await parser.connect(transfer(channel.port1, [channel.port1]));
          parserPorts.push(channel.port2);
        }
        const ports = { caseDb: caseChannel.port2, parsers: parserPorts };
        const result = await Promise.race([
          w.triage.analyze(
            inputs.map((i) => ({ file: i.file, path: i.path })),
            current,
            version,
            transfer(ports, [caseChannel.port2, ...parserPorts]),
            proxy((p) => {
              if (current === runId && !signal.aborted) onProgress(p);
            }),
            serverZone,
          ),
          new Promise<never>((_, reject) => {
            if (signal.aborted) reject(new DOMException('Analysis cancelled', 'AbortError'));
            signal.addEventListener('abort', () => reject(new DOMException('Analysis cancelled', 'AbortError')), { once: true });
          }),
        ]);
        if (current !== runId) throw new DOMException('Superseded by a newer analysis', 'AbortError');
        return result;
      } finally {
        signal.removeEventListener('abort', abort);
      }
    },
    // Comlink's Remote type drops the generic that ties each query name to its arguments.
    ask: (name, ...args) => (get().caseDb.ask as TriageClient['ask'])(name, ...plainData(args)),
    consoleQuery: (sql) => get().caseDb.consoleQuery(sql),
    searchMessages: (query) => get().caseDb.searchMessages(query),
    searchOutcome: (query) => get().caseDb.searchOutcome(query),
    saveSearch: (name, query) => get().caseDb.saveSearch(name, query, new Date().toISOString()),
    deleteSavedSearch: (name) => get().caseDb.deleteSavedSearch(name),
    runKeywordList: (text) => get().caseDb.runKeywordList(text),
    keywordHitsCsv: () => get().caseDb.keywordHitsCsv(),
    loadHashSet: (name, verdict, file) => get().caseDb.loadHashSet(name, verdict, file, new Date().toISOString()),
    removeHashSet: (name) => get().caseDb.removeHashSet(name),
    findingsJson: () => get().caseDb.findingsJson(),
    messageDetail: (path) => get().triage.messageDetail(path),
    readEntry: (path) => get().triage.readEntry(path),
    logTranscript: (file, first, last, session) => get().triage.logTranscript(file, first, last, session),
    setBookmark: (path, tags, note) => get().caseDb.setBookmark(path, tags, note, new Date().toISOString()),
    removeBookmark: (path) => get().caseDb.removeBookmark(path),
    setFindingNote: (id, note) => get().caseDb.setFindingNote(id, note),
    setAnnotation: (item, tags, note) => get().caseDb.setAnnotation(item, tags, note, new Date().toISOString()),
    removeAnnotation: (item) => get().caseDb.removeAnnotation(item),
    tagItems: (items, tag) => get().caseDb.tagItems(items, tag, new Date().toISOString()),
    bookmarkItems: (items) => get().caseDb.bookmarkItems(items, new Date().toISOString()),
    renameTag: (from, to) => get().caseDb.renameTag(from, to),
    setTagColour: (tag, colour) => get().caseDb.setTagColour(tag, colour),
    listTags: () => get().caseDb.listTags(),
    workProduct: () => get().caseDb.workProduct(),
    restoreWorkProduct: (work) => get().caseDb.restoreWorkProduct(work),
    setCaseDetails: (details) => get().caseDb.setCaseDetails(details),
    exportCaseDb: (includeSecrets) => get().caseDb.exportDb({ includeSecrets }),
    story: () => get().caseDb.story(),
    htmlReport: () => get().caseDb.htmlReport(),
    reportOptions: () => get().caseDb.reportOptions(),
    setReportOptions: (options) => get().caseDb.setReportOptions(options),
    columnLayouts: () => get().caseDb.columnLayouts(),
    setColumnLayout: (table, layout) => get().caseDb.setColumnLayout(table, layout),
    timesketchJsonl: () => get().caseDb.timesketchJsonl(),
    timesketchCsv: () => get().caseDb.timesketchCsv(),
    timelineCsv: () => get().caseDb.timelineCsv(),
    exportMessagesZip: (paths) => get().triage.exportMessagesZip(paths),
  };
}
