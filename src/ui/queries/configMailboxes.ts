/**
 * Per-account settings that move mail: forwarding and auto-reply (hm_accounts), and external accounts that
 * pull mail in from other servers (hm_fetchaccounts). Stored passwords are never selected.
 */
import type { TriageClient } from '../triageClient.ts';
import { attentionOf, configTable, unavailable, yesNo, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows } from './queryRows.ts';

/** Characters of an auto-reply text shown in the table; the SQL console has the whole text. */
const REPLY_EXCERPT = 200;

const FORWARDING: TableSpec = {
  id: 'forwarding',
  title: 'Forwarding and auto-reply',
  about:
    'Accounts with forwarding or an auto-reply (vacation message) set up in hm_accounts, switched on or not. Forwarding outside the server without keeping a copy sends the mail away for good.',
  columns: [
    ['account', 'Account', { width: 'minmax(14rem, 1.5fr)' }],
    ['forward', 'Forwarding', { width: '6rem' }],
    ['forwardTo', 'Forward to', { width: 'minmax(14rem, 1.5fr)' }],
    ['keep', 'Keeps a copy', { width: '7rem' }],
    ['reply', 'Auto-reply', { width: '6rem' }],
    ['subject', 'Auto-reply subject', { width: 'minmax(10rem, 1fr)' }],
    ['expires', 'Auto-reply ends (server time)', { width: '14rem', mono: true }],
    ['text', 'Auto-reply text', { width: 'minmax(16rem, 2fr)' }],
  ],
  attention: true,
};

const FETCH: TableSpec = {
  id: 'fetch',
  title: 'External accounts (fetch)',
  about:
    'hm_fetchaccounts: remote POP3 mailboxes hMailServer downloads into a local account. The password is stored reversibly (Blowfish) and is not shown here. Downloaded UIDs: rows of hm_fetchaccounts_uids, what was pulled so far.',
  columns: [
    ['account', 'Into account', { width: 'minmax(12rem, 1fr)' }],
    ['name', 'Name', { width: 'minmax(8rem, 1fr)' }],
    ['server', 'Server', { width: 'minmax(12rem, 1fr)', mono: true }],
    ['user', 'Remote user', { width: 'minmax(10rem, 1fr)' }],
    ['password', 'Password', { width: '8rem' }],
    ['security', 'Security', { width: '9rem' }],
    ['active', 'Active', { width: '5rem' }],
    ['minutes', 'Every (min)', { width: '6rem', align: 'end' }],
    ['nextTry', 'Next try (server time)', { width: '12rem', mono: true }],
    ['keep', 'On the remote server', { width: '11rem' }],
    ['uids', 'Downloaded UIDs', { width: '8rem', align: 'end' }],
  ],
  attention: true,
};

/** Connection security of routes, ports and fetch accounts (hmailserver.md §2.4.6). */
export const CONNECTION_SECURITY: Record<number, string> = { 0: 'none', 1: 'SSL/TLS', 2: 'STARTTLS optional', 3: 'STARTTLS required' };

function keepOnServer(days: number | null): string | null {
  if (days === null) return null;
  if (days < 0) return 'deleted at once';
  if (days === 0) return 'kept';
  return `deleted after ${days} days`;
}

export async function loadForwarding(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_accounts', 'accountaddress')) return unavailable(FORWARDING);
  const result = await client.ask('forwarding');
  const rows = queryRows(result).map((r) => {
    const forward = isOn(r.accountforwardenabled);
    // hMailServer reads a NULL flag as 0, so an unset keep-original means no copy stays in the mailbox.
    const keep = isOn(r.accountforwardkeeporiginal);
    const text = asText(r.accountvacationmessage);
    const outside = asNumber(r.external) === 1;
    return {
      cells: {
        account: asText(r.accountaddress),
        forward: yesNo(r.accountforwardenabled === null ? null : forward),
        forwardTo: asText(r.accountforwardaddress) || null,
        keep: asText(r.accountforwardaddress) ? yesNo(keep) : null,
        reply: yesNo(r.accountvacationmessageon === null ? null : isOn(r.accountvacationmessageon)),
        subject: asText(r.accountvacationsubject) || null,
        expires: isOn(r.accountvacationexpires) ? asText(r.accountvacationexpiredate) || 'set, no date' : null,
        text: text ? (text.length > REPLY_EXCERPT ? `${text.slice(0, REPLY_EXCERPT)}…` : text) : null,
      },
      attention: forward
        ? attentionOf(`forwards ${outside ? 'outside the server' : 'mail'} to ${asText(r.accountforwardaddress) || '(no address)'}`, !keep && 'no copy kept')
        : '',
    };
  });
  return configTable(FORWARDING, rows, true, result);
}

export async function loadFetchAccounts(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_fetchaccounts', 'faid')) return unavailable(FETCH);
  const result = await client.ask('fetchAccounts');
  const rows = queryRows(result).map((r) => {
    const security = asNumber(r.faconnectionsecurity);
    const active = isOn(r.faactive);
    const owner = r.owner === null ? `account #${asText(r.faaccountid)}` : asText(r.owner);
    const server = `${asText(r.faserveraddress)}${r.faserverport === null ? '' : `:${asText(r.faserverport)}`}`;
    return {
      cells: {
        account: owner,
        name: asText(r.faaccountname) || null,
        server,
        user: asText(r.fausername) || null,
        password: r.has_password === null ? null : isOn(r.has_password) ? 'stored (hidden)' : 'none',
        security: security === null ? null : (CONNECTION_SECURITY[security] ?? `security ${security}`),
        active: yesNo(r.faactive === null ? null : active),
        minutes: asNumber(r.faminutes),
        nextTry: asText(r.fanexttry) || null,
        keep: keepOnServer(asNumber(r.fadaystokeep)),
        uids: asNumber(r.uids),
      },
      attention: attentionOf(`pulls mail from ${server} into ${owner}`, !active && 'inactive', security === 0 && 'password sent unencrypted'),
    };
  });
  return configTable(FETCH, rows, true, result);
}
