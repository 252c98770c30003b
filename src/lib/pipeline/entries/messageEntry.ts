import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { MAX_MESSAGE_BYTES } from '../messageLimits.ts';
import type { TriageRun } from '../triageRun.ts';
import { entryBytes } from './entryBytes.ts';

/** A message file intake read itself (not deferred): parsed in the pool, accepted as the parse answers. */
export async function messageEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, md5, sha256, size } = e.entry;
  const bytes = await entryBytes(e, MAX_MESSAGE_BYTES);
  if (!bytes) return run.fail(path, 'message', `message file of ${size} bytes is above the ${MAX_MESSAGE_BYTES}-byte parsing limit`, 'skipped');
  // Numbered when sent, not when parsed: ids do not depend on which parser answers first.
  const id = run.nextMessageId++;
  await run.queue.add(async () => run.acceptMessage(id, await run.deps.parseMessage(bytes, path, { md5, sha256 }, run.dns, run.reference)));
}
