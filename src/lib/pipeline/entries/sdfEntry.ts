import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import type { TriageRun } from '../triageRun.ts';

/** A SQL Server Compact file cannot be read in the browser: it is noted once the ini is known (sdfNotice). */
export function sdfEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  run.sdfPaths.push(e.entry.path);
  return Promise.resolve();
}
