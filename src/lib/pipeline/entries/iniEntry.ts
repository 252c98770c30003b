import { parseIni } from '../../database/parseIni.ts';
import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import type { TriageRun } from '../triageRun.ts';
import { decodeText } from './decodeText.ts';
import { entryBytes } from './entryBytes.ts';

/** hMailServer.ini: the first one is the server's; a second is reported, not read. */
export async function iniEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path } = e.entry;
  const bytes = await entryBytes(e, 1024 * 1024);
  if (!bytes) return run.fail(path, 'ini', 'hMailServer.ini larger than 1 MiB: not an ini file hMailServer could read');
  if (run.ini) run.parseErrors.push({ path, kind: 'ini', reason: `a second hMailServer.ini; the first (${run.ini.path}) is used` });
  else run.ini = parseIni(decodeText(bytes), path);
}
