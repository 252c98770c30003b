import { MAX_7Z_BYTES } from '../../database/extract7z.ts';
import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { expand7z } from '../expand7z.ts';
import type { TriageRun } from '../triageRun.ts';
import { entryBytes } from './entryBytes.ts';

/** A .7z archive (an HMBackup): extracted in memory, each file handed on as an entry of its own. */
export async function sevenZipEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, size } = e.entry;
  const bytes = await entryBytes(e, MAX_7Z_BYTES);
  if (!bytes) return run.fail(path, 'archive', `7z archive of ${size} bytes is above the ${MAX_7Z_BYTES}-byte limit for in-browser extraction`, 'skipped');
  run.report('database', `Extracting ${path}`);
  const expanded = await expand7z(e, bytes, run.deps.extract7z, (inner) => run.onEntry(inner));
  // A loop, not push(...rows): a 7z of 100,000 entries would overflow the stack as arguments.
  for (const row of expanded.rows) run.expandedRows.push(row);
  for (const [p, b] of expanded.contents) run.expandedContents.set(p, b);
  if (expanded.error) run.fail(path, 'archive', `7-Zip: ${expanded.error}`);
}
