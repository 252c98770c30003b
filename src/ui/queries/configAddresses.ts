/**
 * Addresses that are not mailboxes: aliases (hm_aliases) and distribution lists with their recipients
 * (hm_distributionlists, hm_distributionlistsrecipients), with targets outside the server called out.
 */
import type { TriageClient } from '../triageClient.ts';
import { attentionOf, configTable, unavailable, yesNo, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows } from './queryRows.ts';

const ALIASES: TableSpec = {
  id: 'aliases',
  title: 'Aliases',
  about: 'hm_aliases: mail to the alias address is delivered to the target address. A target outside the server sends that mail away.',
  columns: [
    ['alias', 'Alias', { width: 'minmax(14rem, 1.5fr)' }],
    ['target', 'Delivered to', { width: 'minmax(14rem, 1.5fr)' }],
    ['active', 'Active', { width: '5rem' }],
  ],
  attention: true,
};

const LISTS: TableSpec = {
  id: 'lists',
  title: 'Distribution lists',
  about:
    'hm_distributionlists with their recipients. Mode: who may send to the list. Recipients outside the server receive every message sent to it.',
  columns: [
    ['address', 'List address', { width: 'minmax(14rem, 1.5fr)' }],
    ['enabled', 'Enabled', { width: '5rem' }],
    ['mode', 'Who may send', { width: '10rem' }],
    ['auth', 'SMTP AUTH required', { width: '8rem' }],
    ['sender', 'Required sender', { width: 'minmax(10rem, 1fr)' }],
    ['count', 'Recipients', { width: '6rem', align: 'end' }],
    ['recipients', 'Recipient addresses', { width: 'minmax(18rem, 3fr)' }],
  ],
  attention: true,
};

/** hm_distributionlists.distributionlistmode (C/BO/DistributionList.h). */
const LIST_MODES: Record<number, string> = { 0: 'anyone (public)', 1: 'members only', 2: 'announcement (one sender)', 3: 'domain members' };

export async function loadAliases(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_aliases', 'aliasname')) return unavailable(ALIASES);
  const result = await client.ask('aliases');
  const rows = queryRows(result).map((r) => {
    const active = r.aliasactive === null ? null : isOn(r.aliasactive);
    return {
      cells: { alias: asText(r.aliasname), target: asText(r.aliasvalue), active: yesNo(active) },
      attention: asNumber(r.external) === 1 ? `delivers outside the server${active === false ? ' (inactive)' : ''}` : '',
    };
  });
  return configTable(ALIASES, rows, true, result);
}

export async function loadDistributionLists(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_distributionlists', 'distributionlistid')) return unavailable(LISTS);
  const result = await client.ask('distributionLists');
  const rows = queryRows(result).map((r) => {
    const mode = asNumber(r.distributionlistmode);
    const external = asNumber(r.external) ?? 0;
    const openToAnyone = mode === 0 && external > 0;
    return {
      cells: {
        address: asText(r.distributionlistaddress),
        enabled: yesNo(r.distributionlistenabled === null ? null : isOn(r.distributionlistenabled)),
        mode: mode === null ? null : (LIST_MODES[mode] ?? `mode ${mode}`),
        auth: yesNo(r.distributionlistrequireauth === null ? null : isOn(r.distributionlistrequireauth)),
        sender: asText(r.distributionlistrequireaddress) || null,
        count: asNumber(r.count),
        recipients: asText(r.recipients) || null,
      },
      attention: attentionOf(external > 0 && `${external} recipient${external === 1 ? '' : 's'} outside the server`, openToAnyone && 'anyone may send to it'),
    };
  });
  return configTable(LISTS, rows, true, result);
}
