/** The Overview's SQL: database identity and counts, max message ID, domains, key settings, what is wrong, evidence. */
import type { Severity } from '../../lib/model/finding.ts';
import { formatSettingRisk, type SettingRisk } from '../../lib/report/formatSettingRisk.ts';
import type { StoryChain } from '../../lib/report/story/storyChain.ts';
import { parseZoneInfo } from './serverZoneInfo.ts';
import type { EvidenceFile } from '../../lib/model/evidence.ts';
import type { TriageClient } from '../triageClient.ts';
import type { HmColumns } from './hmColumns.ts';
import { KEY_SETTINGS, describeSetting } from '../../lib/report/formatKeySetting.ts';
import { asFlag, asNumber, asText, queryRows, queryScalar } from './queryRows.ts';

export const MAX_MESSAGE_ID_SQL = 'select max(messageid) from hm_messages';

const META_SQL = `select key, value from case_meta where key in
  ('database_source', 'database_path', 'database_schema_version', 'ini', 'server_zone')`;

const CASE_COUNTS_SQL = `select
  (select count(*) from case_messages) as messages,
  (select count(*) from case_messages where queued = 1) as queued_files,
  (select count(*) from case_attachments) as attachments,
  (select count(*) from case_log_sessions) as log_sessions,
  (select count(*) from case_log_events) as log_events,
  (select count(*) from case_log_unparsed) as log_unparsed,
  (select count(*) from case_inventory) as inventory,
  (select count(*) from case_inventory where status = 'error') as inventory_errors,
  (select count(*) from case_findings) as findings`;

const FINDING_TYPES_SQL = `select severity, category, type, count(*) as n from case_findings
  group by severity, category, type
  order by case severity when 'high' then 0 when 'medium' then 1 when 'low' then 2 else 3 end, n desc, type`;

const EVIDENCE_SQL = 'select name, size, md5, sha256 from case_evidence order by name';

const SDF_SQL = "select path, sha256 from case_inventory where format = 'sdf' order by path";

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

async function tableCounts(client: TriageClient, hm: HmColumns): Promise<{ name: string; rows: number }[]> {
  const names = hm.tableNames;
  if (names.length === 0) return [];
  const sql = names.map((n) => `select '${n}' as name, count(*) as n from "${n}"`).join(' union all ');
  return queryRows(await client.query(sql)).map((r) => ({ name: asText(r.name), rows: asNumber(r.n) ?? 0 }));
}

async function domains(client: TriageClient, hm: HmColumns): Promise<OverviewModel['domains']> {
  if (!hm.has('hm_domains')) return [];
  const accounts = hm.has('hm_accounts', 'accountdomainid')
    ? '(select count(*) from hm_accounts a where a.accountdomainid = d.domainid)'
    : 'NULL';
  const sql = `select domainname, ${hm.col('hm_domains', 'domainactive')}, ${accounts} as accounts from hm_domains d order by domainname`;
  return queryRows(await client.query(sql)).map((r) => ({
    name: asText(r.domainname),
    active: asFlag(r.domainactive),
    accounts: asNumber(r.accounts),
  }));
}

async function settings(client: TriageClient, hm: HmColumns): Promise<OverviewModel['settings']> {
  if (!hm.has('hm_settings')) return [];
  const sql = 'select lower(settingname) as name, settingstring, settinginteger from hm_settings';
  const byName = new Map(queryRows(await client.query(sql)).map((r) => [asText(r.name), r]));
  return KEY_SETTINGS.filter((s) => byName.has(s.name)).map((s) => {
    const row = byName.get(s.name)!;
    const text = row.settingstring === null ? null : asText(row.settingstring);
    const integer = asNumber(row.settinginteger);
    return { name: s.name, label: s.label, value: describeSetting(s, text, integer), ...formatSettingRisk(s.name, integer, text) };
  });
}

async function dbCounts(client: TriageClient, hm: HmColumns): Promise<OverviewModel['dbCounts']> {
  const count = (table: string, where = '') => (hm.has(table) ? `(select count(*) from ${table} ${where})` : 'NULL');
  const queue = hm.has('hm_messages', 'messagetype') ? count('hm_messages', 'where messagetype in (1, 3)') : 'NULL';
  const sql = `select ${count('hm_messages')} as messages, ${queue} as queue, ${count('hm_accounts')} as accounts, ${count('hm_domains')} as domains`;
  const [r] = queryRows(await client.query(sql));
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

export async function loadOverview(client: TriageClient, hm: HmColumns): Promise<OverviewModel> {
  const meta = new Map(queryRows(await client.query(META_SQL)).map((r) => [asText(r.key), r.value === null ? null : asText(r.value)]));
  const [counts] = queryRows(await client.query(CASE_COUNTS_SQL));
  const maxMessageId = hm.has('hm_messages', 'messageid') ? asNumber(queryScalar(await client.query(MAX_MESSAGE_ID_SQL))) : null;
  const findingTypes = queryRows(await client.query(FINDING_TYPES_SQL)).map((r) => ({
    severity: asText(r.severity) as Severity,
    category: asText(r.category),
    type: asText(r.type),
    count: asNumber(r.n) ?? 0,
  }));
  const evidence = queryRows(await client.query(EVIDENCE_SQL)).map((r) => ({
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
      tables: await tableCounts(client, hm),
    },
    ini: parseIni(meta.get('ini') ?? null),
    serverZone: meta.get('server_zone') ? parseZoneInfo(String(meta.get('server_zone'))) : null,
    counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, asNumber(v) ?? 0])),
    dbCounts: await dbCounts(client, hm),
    maxMessageId,
    domains: await domains(client, hm),
    settings: await settings(client, hm),
    story: await client.story(),
    findingTypes,
    evidence,
    sdfFiles: queryRows(await client.query(SDF_SQL)).map((r) => ({ path: asText(r.path), sha256: asText(r.sha256) })),
  };
}
