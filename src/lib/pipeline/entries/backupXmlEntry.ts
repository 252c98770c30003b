import { BACKUP_XML_MAX_CHARS } from '../../database/importHmBackupXml.ts';
import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import type { TriageRun } from '../triageRun.ts';
import { decodeText } from './decodeText.ts';
import { entryBytes } from './entryBytes.ts';

/** hMailServerBackup.xml, the database part of hMailServer's own backup. */
export async function backupXmlEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path, size } = e.entry;
  // Two bytes per character at most (UTF-16): a file above this cannot decode within the reader's budget.
  const bytes = await entryBytes(e, BACKUP_XML_MAX_CHARS * 2);
  if (!bytes) return run.fail(path, 'database', `backup XML of ${size} bytes is above the backup XML reader's budget of ${BACKUP_XML_MAX_CHARS} characters: not read`, 'skipped');
  if (!(await run.database.claim(path, null))) return;
  run.report('database', `Importing ${path}`);
  run.noteDbProblems(path, await run.deps.caseDb.importBackupXml(decodeText(bytes), path));
  await run.database.weighLoaded(path);
}
