import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { parseLogStream } from '../../logs/logStream.ts';
import { bytesStream } from '../bytesStream.ts';
import type { TriageRun } from '../triageRun.ts';

/** An hMailServer log of any kind, streamed into the run's log accumulator. */
export async function logEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, size } = e.entry;
  await parseLogStream(path, e.bytes ? bytesStream(e.bytes) : e.open(), run.logs, {
    signal: run.signal,
    onProgress: (bytesDone) => run.report('logs', `Parsing ${path}`, { bytesDone, bytesTotal: size, filesDone: 0, filesTotal: 1 }),
  });
}
