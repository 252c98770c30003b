/**
 * Anti-spam and attachment settings: each spam test on or off with its score, the thresholds (hm_settings,
 * hmailserver.md §2.6), the DNSBL and SURBL lists, and the blocked attachment list with whether it applies.
 */
import type { TriageClient } from '../triageClient.ts';
import { configTable, unavailable, yesNo, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows, type QueryRecord } from './queryRows.ts';

const TESTS: TableSpec = {
  id: 'spam-tests',
  title: 'Spam tests',
  about:
    'hMailServer\'s anti-spam tests and thresholds from hm_settings. A message whose scores add up to the mark threshold is tagged as spam; at the delete threshold it is refused. A setting missing from the database means hMailServer\'s default.',
  columns: [
    ['test', 'Test', { width: 'minmax(12rem, 1fr)' }],
    ['state', 'State', { width: '9rem' }],
    ['score', 'Score', { width: '6rem', align: 'end' }],
    ['settings', 'Settings', { width: 'minmax(16rem, 1.5fr)', mono: true }],
  ],
  attention: true,
};

const LISTS: TableSpec = {
  id: 'dnsbl',
  title: 'DNSBL and SURBL lists',
  about: 'hm_dnsbl (sender IP looked up in a DNS block list) and hm_surblservers (links in the body looked up): an active list adds its score when it answers.',
  columns: [
    ['kind', 'Kind', { width: '6rem' }],
    ['host', 'Host', { width: 'minmax(12rem, 1fr)', mono: true }],
    ['active', 'Active', { width: '5rem' }],
    ['expected', 'Listed when it answers', { width: 'minmax(10rem, 1fr)', mono: true }],
    ['score', 'Score', { width: '6rem', align: 'end' }],
    ['message', 'Reason text', { width: 'minmax(14rem, 2fr)' }],
  ],
};

const BLOCKED: TableSpec = {
  id: 'blocked-attachments',
  title: 'Blocked attachments',
  about: 'hm_blocked_attachments: attachments whose names match are removed and replaced by a notice — only while attachment blocking is on.',
  columns: [
    ['wildcard', 'Name pattern', { width: '12rem', mono: true }],
    ['description', 'Description', { width: 'minmax(16rem, 2fr)' }],
  ],
};

interface SpamTest {
  label: string;
  /** Lower-case hm_settings names; the switch is null for list-based tests counted from their tables. */
  switch: string;
  score: string | null;
  defaultOn: boolean;
  defaultScore: number | null;
}

/** Defaults from hMailServer 5.6.8 CreateTablesMYSQL.sql (hmailserver.md §2.6). */
const SPAM_TESTS: SpamTest[] = [
  { label: 'SPF', switch: 'usespf', score: 'usespfscore', defaultOn: false, defaultScore: 3 },
  { label: 'HELO host', switch: 'ascheckhostinhelo', score: 'ascheckhostinheloscore', defaultOn: false, defaultScore: 2 },
  { label: 'Sender domain MX', switch: 'usemxchecks', score: 'usemxchecksscore', defaultOn: false, defaultScore: 2 },
  { label: 'DKIM verification', switch: 'asdkimverificationenabled', score: 'asdkimverificationfailurescore', defaultOn: false, defaultScore: 5 },
  { label: 'PTR (5.7)', switch: 'ascheckptr', score: 'ascheckptrscore', defaultOn: false, defaultScore: 1 },
  { label: 'SpamAssassin', switch: 'spamassassinenabled', score: 'spamassassinscore', defaultOn: false, defaultScore: 5 },
  { label: 'Greylisting', switch: 'usegreylisting', score: null, defaultOn: false, defaultScore: null },
];

const THRESHOLDS: [label: string, name: string, fallback: number][] = [
  ['Mark threshold', 'spammarkthreshold', 5],
  ['Delete threshold', 'spamdeletethreshold', 20],
];

async function settings(client: TriageClient, hm: HmTables): Promise<Map<string, QueryRecord> | null> {
  if (!hm.has('hm_settings', 'settingname')) return null;
  const rows = queryRows(await client.ask('hmSettings'));
  return new Map(rows.map((r) => [asText(r.name), r]));
}

export async function loadSpamTests(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  const byName = await settings(client, hm);
  if (!byName) return unavailable(TESTS);
  const integer = (name: string) => (byName.has(name) ? asNumber(byName.get(name)!.settinginteger) : null);
  const rows = SPAM_TESTS.map((t) => {
    const set = integer(t.switch);
    const on = set === null ? t.defaultOn : set !== 0;
    const score = t.score ? integer(t.score) : null;
    return {
      cells: {
        test: t.label,
        state: set === null ? `not set (${t.defaultOn ? 'on' : 'off'})` : on ? 'on' : 'off',
        score: score ?? (t.score && byName.has(t.score) ? null : t.defaultScore),
        settings: [t.switch, t.score].filter(Boolean).join(', '),
      },
      attention: on ? '' : 'off: this test does not score mail',
    };
  });
  for (const [kind, list, table] of [['DNSBL', 'dnsbl', 'hm_dnsbl'], ['SURBL', 'surbl', 'hm_surblservers']] as const) {
    const count = asNumber((await client.ask('activeSpamLists', list)).rows[0]?.[0] ?? null);
    if (count === null) continue;
    rows.push({
      cells: { test: `${kind} lists`, state: count > 0 ? `${count} active` : 'none active', score: null, settings: table },
      attention: count > 0 ? '' : `off: no ${kind} list is consulted`,
    });
  }
  for (const [label, name, fallback] of THRESHOLDS) {
    const value = integer(name);
    rows.push({ cells: { test: label, state: value === null ? 'not set (default)' : 'set', score: value ?? fallback, settings: name }, attention: '' });
  }
  return configTable(TESTS, rows, true);
}

export async function loadDnsLists(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_dnsbl', 'sbldnshost') && !hm.has('hm_surblservers', 'surblhost')) return unavailable(LISTS);
  const result = await client.ask('spamLists');
  const rows = queryRows(result).map((r) => ({
    cells: {
      kind: asText(r.kind),
      host: asText(r.host),
      active: yesNo(r.active === null ? null : isOn(r.active)),
      expected: asText(r.expected) || null,
      score: asNumber(r.score),
      message: asText(r.message) || null,
    },
    attention: '',
  }));
  return configTable(LISTS, rows, true, result);
}

export async function loadBlockedAttachments(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_blocked_attachments', 'bawildcard')) return unavailable(BLOCKED);
  const result = await client.ask('blockedAttachments');
  const byName = await settings(client, hm);
  const blocking = byName?.get('enableattachmentblocking');
  const state =
    blocking === undefined
      ? 'Attachment blocking is not set in hm_settings (default: off), so this list is not applied.'
      : asNumber(blocking.settinginteger) !== 0
        ? 'Attachment blocking is ON (enableattachmentblocking = 1).'
        : 'Attachment blocking is OFF (enableattachmentblocking = 0): this list is not applied.';
  const rows = queryRows(result).map((r) => ({ cells: { wildcard: asText(r.bawildcard), description: asText(r.badescription) || null }, attention: '' }));
  return { ...configTable(BLOCKED, rows, true, result), about: `${BLOCKED.about} ${state}` };
}
