/**
 * The Overview's model: database identity and counts, max message ID, domains, key settings, what is wrong,
 * evidence (the SQL is src/lib/store/queries/overviewQueries.ts).
 */
import type { Severity } from '../../lib/model/finding.ts';
import { formatSettingRisk, type SettingRisk } from '../../lib/report/formatSettingRisk.ts';
import type { StoryChain } from '../../lib/report/story/storyChain.ts';
import { parseZoneInfo } from './serverZoneInfo.ts';
import type { EvidenceFile } from '../../lib/model/evidence.ts';
import type { TriageClient } from '../triageClient.ts';
import { KEY_SETTINGS, describeSetting } from '../../lib/report/formatKeySetting.ts';
import { asNumber, asText, isOn, queryRows, queryScalar } from './queryRows.ts';

interface DatabaseInfo {
  source: string;
  path: string | null;
  schemaVersion: string | null;
  tables: { name: string; rows: number }[];
}

interface IniInfo {
  path: string;
  databaseType: string;
  databaseServer: string;
  databaseName: string;
  databaseUser: string;
  databasePassword: string | null;
  dataFolder: string;
  logFolder: string;
  adminPasswordScheme: string;
  archiveDir: string;
}

export interface FindingTypeCount {
  severity: Severity;
  category: string;
  type: string;
  count: number;
}

export interface OverviewModel {
  database: DatabaseInfo;
  ini: IniInfo | null;
  /** The zone the server's local times were read in, and why (case_meta server_zone). */
  serverZone: { id: string; basis: string } | null;
  counts: Record<string, number>;
  dbCounts: { messages: number | null; queue: number | null; accounts: number | null; domains: number | null };
  maxMessageId: number | null;
  domains: { name: string; active: boolean; accounts: number | null }[];
  /** Key settings with the risk of their value (colours follow risk, not on/off). */
  settings: { name: string; label: string; value: string; risk: SettingRisk; why: string }[];
  /** "What happened here" (caseDb story). */
  story: StoryChain[];
  findingTypes: FindingTypeCount[];
  evidence: EvidenceFile[];
  /** SQL Server Compact databases in the evidence: they need exporting (SdfExportRoute). */
  sdfFiles: { path: string; sha256: string }[];
}

async function tableCounts(client: TriageClient): Promise<{ name: string; rows: number }[]> {
  return queryRows(await client.ask('hmTableCounts')).map((r) => ({ name: asText(r.name), rows: asNumber(r.n) ?? 0 }));
}

async function domains(client: TriageClient): Promise<OverviewModel['domains']> {
  return queryRows(await client.ask('hmDomains')).map((r) => ({
    name: asText(r.domainname),
    active: isOn(r.domainactive),
    accounts: asNumber(r.accounts),
  }));
}

async function settings(client: TriageClient): Promise<OverviewModel['settings']> {
  const byName = new Map(queryRows(await client.ask('hmSettings')).map((r) => [asText(r.name), r]));
  return KEY_SETTINGS.filter((s) => byName.has(s.name)).map((s) => {
    const row = byName.get(s.name)!;
    const text = row.settingstring === null ? null : asText(row.settingstring);
    const integer = asNumber(row.settinginteger);
    return { name: s.name, label: s.label, value: describeSetting(s, text, integer), ...formatSettingRisk(s.name, integer, text) };
  });
}

async function dbCounts(client: TriageClient): Promise<OverviewModel['dbCounts']> {
  const [r] = queryRows(await client.ask('hmCounts'));
  return { messages: asNumber(r.messages), queue: asNumber(r.queue), accounts: asNumber(r.accounts), domains: asNumber(r.domains) };
}

function parseIni(json: string | null): IniInfo | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as IniInfo;
  } catch {
    return null;
  }
}

export async function loadOverview(client: TriageClient): Promise<OverviewModel> {
  const meta = new Map(queryRows(await client.ask('caseMeta')).map((r) => [asText(r.key), r.value === null ? null : asText(r.value)]));
  const [counts] = queryRows(await client.ask('caseCounts'));
  const maxMessageId = asNumber(queryScalar(await client.ask('maxMessageId')));
  const findingTypes = queryRows(await client.ask('findingTypes')).map((r) => ({
    severity: asText(r.severity) as Severity,
    category: asText(r.category),
    type: asText(r.type),
    count: asNumber(r.n) ?? 0,
  }));
  const evidence = queryRows(await client.ask('evidence')).map((r) => ({
    name: asText(r.name),
    size: asNumber(r.size) ?? 0,
    md5: asText(r.md5),
    sha256: asText(r.sha256),
  }));
  return {
    database: {
      source: meta.get('database_source') ?? 'none',
      path: meta.get('database_path') ?? null,
      schemaVersion: meta.get('database_schema_version') ?? null,
      tables: await tableCounts(client),
    },
    ini: parseIni(meta.get('ini') ?? null),
    serverZone: meta.get('server_zone') ? parseZoneInfo(String(meta.get('server_zone'))) : null,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, asNumber(v) ?? 0])),
    dbCounts: await dbCounts(client),
    maxMessageId,
    domains: await domains(client),
    settings: await settings(client),
    story: await client.story(),
    findingTypes,
    evidence,
    sdfFiles: queryRows(await client.ask('sdfFiles')).map((r) => ({ path: asText(r.path), sha256: asText(r.sha256) })),
  };
}
