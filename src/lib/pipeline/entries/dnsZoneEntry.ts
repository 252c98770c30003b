import type { IngestedEntry } from '../../ingest/ingestEvidence.ts';
import { parseZoneFile } from '../../mail/parseZoneFile.ts';
import type { TriageRun } from '../triageRun.ts';
import { entryBytes } from './entryBytes.ts';

/** A DNS zone file: its records join the run's DNS snapshot, which DKIM checks read. */
export async function dnsZoneEntry(e: IngestedEntry, run: TriageRun): Promise<void> {
  const { path } = e.entry;
  const bytes = await entryBytes(e, 64 * 1024 * 1024);
  if (!bytes) return run.fail(path, 'dns-zone', 'zone file larger than 64 MiB');
  const zone = parseZoneFile(new TextDecoder().decode(bytes), path);
  const dns = run.dns;
  run.dns = dns ? { ...dns, records: [...dns.records, ...zone.records], problems: [...dns.problems, ...zone.problems] } : zone;
  for (const p of zone.problems) run.parseErrors.push({ path, kind: 'dns-zone', reason: `line ${p.line}: ${p.reason}` });
}
