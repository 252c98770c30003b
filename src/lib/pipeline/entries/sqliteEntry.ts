import { MAX_SQLITE_BYTES, sqliteSizeProblem } from '../../database/loadSqliteDatabase.ts';
import { scoreHmailDatabase } from '../../database/scoreHmailDatabase.ts';
import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import type { TriageRun } from '../triageRun.ts';
import { entryBytes } from './entryBytes.ts';

/** A SQLite database: weighed against the case database so far before it is loaded in its place. */
export async function sqliteEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, size } = e.entry;
  const tooBig = sqliteSizeProblem(size);
  if (tooBig) return run.fail(path, 'database', tooBig, 'skipped');
  const bytes = (await entryBytes(e, MAX_SQLITE_BYTES)) ?? new Uint8Array();
  const candidate = run.database.path === null ? null : scoreHmailDatabase(await run.deps.caseDb.probeSqlite(bytes.slice(), path));
  if (!(await run.database.claim(path, candidate))) return;
  run.report('database', `Importing ${path}`);
  run.noteDbProblems(path, await run.deps.caseDb.importSqlite(bytes, path));
  await run.database.weighLoaded(path);
}
