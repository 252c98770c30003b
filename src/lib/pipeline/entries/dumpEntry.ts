import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { throwIfAborted } from '../../ingest/throwIfAborted.ts';
import { bytesStream } from '../bytesStream.ts';
import type { DumpFormat } from '../../store/caseDbPort.ts';
import type { TriageRun } from '../triageRun.ts';

/** A MySQL, PostgreSQL or SQL Server dump, streamed chunk by chunk into the case database. */
export async function dumpEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, format, size } = e.entry;
  if (!(await run.database.claim(path, null))) return;
  await run.deps.caseDb.beginDump(format as DumpFormat, path);
  const reader = (e.bytes ? bytesStream(e.bytes) : e.open()).getReader();
  let bytesDone = 0;
  for (;;) {
    throwIfAborted(run.signal);
    const { done, value } = await reader.read();
    if (done) break;
    await run.deps.caseDb.dumpChunk(value);
    bytesDone += value.byteLength;
    run.report('database', `Importing ${path}`, { bytesDone, bytesTotal: size, filesDone: 0, filesTotal: 1 });
  }
  run.noteDbProblems(path, await run.deps.caseDb.endDump());
  await run.database.weighLoaded(path);
}
