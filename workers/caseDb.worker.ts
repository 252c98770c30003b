/** Owns the sql.js case database; the page and the triage worker (through a MessagePort) call it. */
import { expose } from 'comlink';
import { createCaseDbService, type CaseDbService } from '../src/lib/store/caseDbService.ts';
import type { QueryArgs, QueryName } from '../src/lib/store/queries/caseQueries.ts';
import { sqlRuntime } from './sqlRuntime.ts';
import { version } from '../package.json';

const service: Promise<CaseDbService> = sqlRuntime().then((SQL) => createCaseDbService(SQL, version));

type Method = keyof CaseDbService;

type Args<K extends Method> = Parameters<CaseDbService[K]>;
type Answer<K extends Method> = Promise<Awaited<ReturnType<CaseDbService[K]>>>;

/** The service method `name`, called once sql.js has started. */
function forward<K extends Method>(name: K): (...args: Args<K>) => Answer<K> {
  return (...args) => service.then((s) => (s[name] as (...a: Args<K>) => Answer<K>)(...args));
}

const api = {
  connect(port: MessagePort) {
    expose(api, port);
  },
  reset: forward('reset'),
  probeSqlite: forward('probeSqlite'),
  hmailTableCounts: forward('hmailTableCounts'),
  dropHmailTables: forward('dropHmailTables'),
  importSqlite: forward('importSqlite'),
  beginDump: forward('beginDump'),
  dumpChunk: forward('dumpChunk'),
  endDump: forward('endDump'),
  importBackupXml: forward('importBackupXml'),
  readHmailDatabase: forward('readHmailDatabase'),
  appendMessages: forward('appendMessages'),
  appendFindings: forward('appendFindings'),
  storeCase: forward('storeCase'),
  storeCaseRows: forward('storeCaseRows'),
  consoleQuery: forward('consoleQuery'),
  ask: <K extends QueryName>(name: K, ...args: QueryArgs<K>) => service.then((s) => s.ask(name, ...args)),
  searchMessages: forward('searchMessages'),
  searchOutcome: forward('searchOutcome'),
  runKeywordList: forward('runKeywordList'),
  keywordHitsCsv: forward('keywordHitsCsv'),
  loadHashSet: forward('loadHashSet'),
  removeHashSet: forward('removeHashSet'),
  saveSearch: forward('saveSearch'),
  deleteSavedSearch: forward('deleteSavedSearch'),
  findingsJson: forward('findingsJson'),
  exportDb: forward('exportDb'),
  openCaseFile: forward('openCaseFile'),
  reopenedCounts: forward('reopenedCounts'),
  setBookmark: forward('setBookmark'),
  removeBookmark: forward('removeBookmark'),
  setAnnotation: forward('setAnnotation'),
  removeAnnotation: forward('removeAnnotation'),
  tagItems: forward('tagItems'),
  bookmarkItems: forward('bookmarkItems'),
  renameTag: forward('renameTag'),
  setTagColour: forward('setTagColour'),
  listTags: forward('listTags'),
  workProduct: forward('workProduct'),
  restoreWorkProduct: forward('restoreWorkProduct'),
  setFindingNote: forward('setFindingNote'),
  setCaseDetails: forward('setCaseDetails'),
  setReportOptions: forward('setReportOptions'),
  reportOptions: forward('reportOptions'),
  columnLayouts: forward('columnLayouts'),
  setColumnLayout: forward('setColumnLayout'),
  story: forward('story'),
  htmlReport: forward('htmlReport'),
  timesketchJsonl: forward('timesketchJsonl'),
  timesketchCsv: forward('timesketchCsv'),
  timelineCsv: forward('timelineCsv'),
} satisfies Record<Method, unknown> & { connect(port: MessagePort): void };

export type CaseDbWorkerApi = typeof api;
expose(api);
