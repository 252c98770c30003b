/** Which handler reads an inventory entry, by format. A format without one (plain files, zips) is listed only. */
import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import type { EntryFormat } from '../../model/inventoryEntry.ts';
import type { TriageRun } from '../triageRun.ts';
import { backupXmlEntry } from './backupXmlEntry.ts';
import { dnsZoneEntry } from './dnsZoneEntry.ts';
import { dumpEntry } from './dumpEntry.ts';
import { iniEntry } from './iniEntry.ts';
import { logEntry } from './logEntry.ts';
import { messageEntry } from './messageEntry.ts';
import { sdfEntry } from './sdfEntry.ts';
import { sevenZipEntry } from './sevenZipEntry.ts';
import { sqliteEntry } from './sqliteEntry.ts';

/** Reads one entry whose status is ok into the run; failures become the run's parse errors, not throws. */
export type EntryHandler = (e: IngestedEntry, run: TriageRun) => Promise<void>;

export const ENTRY_HANDLERS: Partial<Record<EntryFormat, EntryHandler>> = {
  eml: messageEntry,
  hma: messageEntry,
  'hmail-log': logEntry,
  'hmail-error-log': logEntry,
  'hmail-awstats-log': logEntry,
  'hmail-events-log': logEntry,
  'hmail-backup-log': logEntry,
  'hmail-ini': iniEntry,
  'dns-zone': dnsZoneEntry,
  sqlite: sqliteEntry,
  'mysql-dump': dumpEntry,
  'pgsql-dump': dumpEntry,
  'mssql-script': dumpEntry,
  'hmail-backup-xml': backupXmlEntry,
  sdf: sdfEntry,
  '7z': sevenZipEntry,
};
