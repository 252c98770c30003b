/**
 * The hMailServer database of the evidence brought into the case database: probed, copied from SQLite,
 * streamed from a dump or read from a backup XML, then decoded for the analyzers.
 */
import { copyHmailTables } from '../../database/copyHmailTables.ts';
import { hmailTableNames, hmailTableRowCounts } from '../../database/hmailTableRowCounts.ts';
import { importHmBackupXml } from '../../database/importHmBackupXml.ts';
import { importSqlDump } from '../../database/importSqlDump.ts';
import { sqliteSizeProblem } from '../../database/loadSqliteDatabase.ts';
import { probeSqliteCandidate } from '../../database/probeSqliteCandidate.ts';
import { readHmailDatabase } from '../../database/readHmailDatabase.ts';
import type { CaseDbPort } from '../caseDbPort.ts';
import { createPushStream } from '../pushStream.ts';
import type { CaseDbState } from './caseDbState.ts';

export type SourceImports = Pick<
  CaseDbPort,
  'probeSqlite' | 'hmailTableCounts' | 'dropHmailTables' | 'importSqlite' | 'beginDump' | 'dumpChunk' | 'endDump' | 'importBackupXml' | 'readHmailDatabase'
>;

export function sourceImports(s: CaseDbState): SourceImports {
  return {
    async probeSqlite(bytes, path) {
      return probeSqliteCandidate(s.SQL, path, bytes);
    },
    async hmailTableCounts() {
      return hmailTableRowCounts(s.db);
    },
    async dropHmailTables() {
      for (const name of hmailTableNames(s.db)) s.db.exec(`DROP TABLE "${name}"`);
      s.loaded = null;
    },
    async importSqlite(bytes, path) {
      const tooBig = sqliteSizeProblem(bytes.length);
      if (tooBig) {
        s.loaded = { source: 'sqlite', path, problems: [{ line: 0, statement: '', reason: tooBig }] };
        return s.loaded.problems;
      }
      const source = new s.SQL.Database(bytes);
      try {
        const problems = copyHmailTables(source, s.db);
        s.loaded = { source: 'sqlite', path, problems };
        return problems;
      } catch (err) {
        const problems = [{ line: 0, statement: '', reason: `not a readable SQLite database: ${(err as Error).message}` }];
        s.loaded = { source: 'sqlite', path, problems };
        return problems;
      } finally {
        source.close();
      }
    },
    async beginDump(format, path) {
      const push = createPushStream();
      const done = importSqlDump(s.db, push.stream, format, {});
      s.loaded = { source: format, path, problems: [] };
      s.dump = { push, done };
    },
    async dumpChunk(chunk) {
      if (!s.dump) throw new Error('dumpChunk before beginDump');
      await s.dump.push.push(chunk);
    },
    async endDump() {
      if (!s.dump) throw new Error('endDump before beginDump');
      s.dump.push.close();
      const problems = await s.dump.done;
      if (s.loaded) s.loaded.problems = problems;
      s.dump = null;
      return problems;
    },
    async importBackupXml(xml, path) {
      const problems = importHmBackupXml(s.db, xml);
      s.loaded = { source: 'backup-xml', path, problems };
      return problems;
    },
    async readHmailDatabase() {
      if (!s.loaded) return null;
      return readHmailDatabase(s.db, s.loaded.source, s.loaded.path, s.loaded.problems);
    },
  };
}
