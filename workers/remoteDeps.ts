/**
 * Turns the ports the page hands over (caseDb worker, parser pool) into the pipeline's TriageDeps.
 * Buffers that cross are copied first when they are views into a larger buffer, then transferred.
 */
import { transfer, wrap, type Remote } from 'comlink';
import { extract7z } from '../src/lib/database/extract7z.ts';
import type { MessageDetail } from '../src/lib/model/analysisResult.ts';
import type { TriageDeps } from '../src/lib/pipeline/runTriage.ts';
import sevenZipWasmUrl from '7z-wasm/7zz.wasm?inline';
import { dataUrlBytes } from '../src/lib/model/dataUrlBytes.ts';
import { createLeastBusy } from '../src/lib/pipeline/leastBusy.ts';
import type { CaseFileOpener } from '../src/lib/pipeline/triageSession.ts';
import type { CaseDbWorkerApi } from './caseDb.worker.ts';
import type { ParseWorkerApi } from './parse.worker.ts';

export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export type RemoteDeps = TriageDeps & {
  caseFile: CaseFileOpener;
  messageDetail(bytes: Uint8Array, path: string): Promise<MessageDetail>;
};

export function remoteDeps(caseDbPort: MessagePort, parserPorts: MessagePort[]): RemoteDeps {
  const caseDb = wrap<CaseDbWorkerApi>(caseDbPort);
  const parsers: Remote<ParseWorkerApi>[] = parserPorts.map((p) => wrap<ParseWorkerApi>(p));
  const pool = createLeastBusy(parsers);
  return {
    caseDb: {
      reset: () => caseDb.reset(),
      probeSqlite: (bytes, path) => {
        const own = ownBuffer(bytes);
        return caseDb.probeSqlite(transfer(own, [own.buffer as ArrayBuffer]), path);
      },
      hmailTableCounts: () => caseDb.hmailTableCounts(),
      dropHmailTables: () => caseDb.dropHmailTables(),
      importSqlite: (bytes, path) => {
        const own = ownBuffer(bytes);
        return caseDb.importSqlite(transfer(own, [own.buffer as ArrayBuffer]), path);
      },
      beginDump: (format, path) => caseDb.beginDump(format, path),
      dumpChunk: (chunk) => {
        const own = ownBuffer(chunk);
        return caseDb.dumpChunk(transfer(own, [own.buffer as ArrayBuffer]));
      },
      endDump: () => caseDb.endDump(),
      importBackupXml: (xml, path) => caseDb.importBackupXml(xml, path),
      readHmailDatabase: () => caseDb.readHmailDatabase(),
      appendMessages: (batch) => caseDb.appendMessages(batch),
      appendFindings: (findings) => caseDb.appendFindings(findings),
      storeCase: (stored) => caseDb.storeCase(stored),
      storeCaseRows: (rows) => caseDb.storeCaseRows(rows),
    },
    caseFile: {
      openCaseFile: (bytes) => caseDb.openCaseFile(bytes),
      reopenedCounts: () => caseDb.reopenedCounts(),
    },
    parseMessage: (bytes, path, hashes, dns, reference) => {
      const own = ownBuffer(bytes);
      return pool.run((p) => p.parseMessage(transfer(own, [own.buffer as ArrayBuffer]), path, hashes, dns, reference));
    },
    readMessageJob: (job) => pool.run((p) => p.readMessageJob(job)),
    findWeakPasswords: (accounts) => parsers[0].findWeakPasswords(accounts),
    messageDetail: (bytes, path) => pool.run((p) => p.messageDetail(bytes, path)),
    extract7z: (bytes) => extract7z(bytes, dataUrlBytes(sevenZipWasmUrl)),
    parseConcurrency: parsers.length * 2,
  };
}
