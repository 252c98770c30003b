/** Every decoded configuration table of the Overview's Configuration section, in the order shown. */
import type { TriageClient } from '../triageClient.ts';
import { loadAliases, loadDistributionLists } from './configAddresses.ts';
import { loadBlockedAttachments, loadDnsLists, loadSpamTests } from './configAntispam.ts';
import { loadQueue, loadRoutes } from './configDelivery.ts';
import { loadFetchAccounts, loadForwarding } from './configMailboxes.ts';
import { loadRules } from './configRules.ts';
import { loadLogonFailures, loadRanges } from './configSecurity.ts';
import type { ConfigTable } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';

type Loader = (client: TriageClient, hm: HmTables) => Promise<ConfigTable>;

const LOADERS: Loader[] = [
  loadRules, loadForwarding, loadAliases, loadDistributionLists, loadFetchAccounts, loadQueue, loadRoutes,
  loadRanges, loadLogonFailures, loadSpamTests, loadDnsLists, loadBlockedAttachments,
];

export interface Configuration {
  tables: ConfigTable[];
  /** Tables that could not be read, in words; the others still show. */
  problems: string[];
}

export async function loadConfiguration(client: TriageClient, hm: HmTables): Promise<Configuration> {
  const settled = await Promise.allSettled(LOADERS.map((load) => load(client, hm)));
  const tables: ConfigTable[] = [];
  const problems: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') tables.push(s.value);
    else problems.push(s.reason instanceof Error ? s.reason.message : String(s.reason));
  }
  return { tables, problems };
}
