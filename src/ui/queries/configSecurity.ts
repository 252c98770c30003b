/**
 * Who may connect and relay: IP ranges with their option bits decoded (hm_securityranges, hmailserver.md
 * §2.4.5) and the auto-ban bookkeeping of failed logons (hm_logon_failures).
 */
import { decodeIpAddress } from '../../lib/ip/decodeIpAddress.ts';
import { formatRangeOptions } from '../../lib/report/formatRangeOptions.ts';
import type { TriageClient } from '../triageClient.ts';
import { attentionOf, configTable, unavailable, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows } from './queryRows.ts';

const RANGES: TableSpec = {
  id: 'ranges',
  title: 'IP ranges',
  about:
    'hm_securityranges: the range with the highest priority that contains a client\'s address decides what it may do. "local" and "external" refer to whether the envelope sender or recipient domain is on this server — a sender can claim any local address.',
  columns: [
    ['name', 'Name', { width: 'minmax(10rem, 1fr)' }],
    ['priority', 'Priority', { width: '5rem', align: 'end' }],
    ['addresses', 'Addresses', { width: 'minmax(17rem, 1.5fr)', mono: true }],
    ['allow', 'Allows', { width: '9rem' }],
    ['relay', 'Relaying allowed', { width: 'minmax(22rem, 2fr)' }],
    ['auth', 'SMTP AUTH required for', { width: 'minmax(14rem, 1.5fr)' }],
    ['protection', 'Protection', { width: '10rem' }],
    ['other', 'Other options', { width: 'minmax(8rem, 1fr)' }],
    ['options', 'Options value', { width: '7rem', align: 'end' }],
    ['expires', 'Expires (server time)', { width: '12rem', mono: true }],
  ],
  attention: true,
};

const FAILURES: TableSpec = {
  id: 'logon-failures',
  title: 'Logon failures',
  about:
    'hm_logon_failures, per address: the auto-ban bookkeeping. Rows exist only while auto-ban is on, are purged after the counting window and cleared when the address is banned; no user name is stored. Times are the database server\'s clock.',
  columns: [
    ['ip', 'Address', { width: 'minmax(12rem, 1fr)', mono: true }],
    ['count', 'Failures', { width: '6rem', align: 'end' }],
    ['first', 'First', { width: '12rem', mono: true }],
    ['last', 'Last', { width: '12rem', mono: true }],
  ],
};

const RELAY_OUTSIDE_TO_OUTSIDE = 512;
const AUTH_OUTSIDE_TO_OUTSIDE = 65536;
const RELAY_LOCAL_TO_OUTSIDE = 128;
const AUTH_LOCAL_TO_OUTSIDE = 16384;

const list = (items: string[]) => (items.length ? items.join(', ') : 'none');

/** Only this machine can connect from such a range, so its relay options expose nothing to the network. */
function loopbackOnly(lower: string, upper: string): boolean {
  return (lower.startsWith('127.') && upper.startsWith('127.')) || (lower === '::1' && upper === '::1');
}

function rangeAttention(options: number, name: string, expires: boolean, lower: string, upper: string): string {
  const where = loopbackOnly(lower, upper) ? ' (this machine only)' : '';
  return attentionOf(
    (options & RELAY_OUTSIDE_TO_OUTSIDE) !== 0 && (options & AUTH_OUTSIDE_TO_OUTSIDE) === 0 && `open relay: outside senders to outside recipients without SMTP AUTH${where}`,
    (options & RELAY_LOCAL_TO_OUTSIDE) !== 0 && (options & AUTH_LOCAL_TO_OUTSIDE) === 0 && `relays a claimed local sender to outside recipients without SMTP AUTH${where}`,
    (expires || /^auto-ban/i.test(name)) && 'temporary ban (auto-ban)',
  );
}

export async function loadRanges(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_securityranges', 'rangeid')) return unavailable(RANGES);
  const result = await client.ask('securityRanges');
  const rows = queryRows(result).map((r) => {
    const options = asNumber(r.rangeoptions) ?? 0;
    const groups = formatRangeOptions(options);
    const lower = decodeIpAddress(r.rangelowerip1, r.rangelowerip2);
    const upper = decodeIpAddress(r.rangeupperip1, r.rangeupperip2);
    const expires = isOn(r.rangeexpires);
    const name = asText(r.rangename);
    return {
      cells: {
        name,
        priority: asNumber(r.rangepriorityid),
        addresses: lower === upper ? lower : `${lower} – ${upper}`,
        allow: list(groups.allow),
        relay: list(groups.relay),
        auth: list(groups.authRequired),
        protection: list(groups.protection),
        other: groups.other.join(', ') || null,
        options: r.rangeoptions === null ? null : options,
        expires: expires ? asText(r.rangeexpirestime) || 'yes' : null,
      },
      attention: rangeAttention(options, name, expires, lower, upper),
    };
  });
  return configTable(RANGES, rows, true, result);
}

export async function loadLogonFailures(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_logon_failures', 'ipaddress1')) return unavailable(FAILURES);
  const result = await client.ask('logonFailures');
  const rows = queryRows(result).map((r) => ({
    cells: { ip: decodeIpAddress(r.ip1, r.ip2), count: asNumber(r.n), first: asText(r.first) || null, last: asText(r.last) || null },
    attention: '',
  }));
  return configTable(FAILURES, rows, true, result);
}
