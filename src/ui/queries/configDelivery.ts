/**
 * Where mail goes next: the delivery queue (hm_messages of type 1 and 3 with hm_messagerecipients, attempts
 * and next try) and the routes that send a domain's mail to a fixed host (hm_routes, hm_routeaddresses).
 */
import type { TriageClient } from '../triageClient.ts';
import { CONNECTION_SECURITY } from './configMailboxes.ts';
import { attentionOf, configTable, unavailable, yesNo, type ConfigTable, type TableSpec } from './configTable.ts';
import type { HmTables } from '../../lib/model/hmTables.ts';
import { asNumber, asText, isOn, queryRows } from './queryRows.ts';

const QUEUE: TableSpec = {
  id: 'queue',
  title: 'Delivery queue',
  about:
    'hm_messages of type 1 (waiting for delivery) and 3 (held for an ETRN route) with their envelope recipients from hm_messagerecipients; recipients are removed one by one as they are delivered. Times are the server\'s local time.',
  columns: [
    ['id', 'Message ID', { width: '7rem', align: 'end' }],
    ['state', 'State', { width: '8rem' }],
    ['from', 'Envelope sender', { width: 'minmax(12rem, 1fr)' }],
    ['recipients', 'Recipients', { width: 'minmax(16rem, 2fr)' }],
    ['outside', 'Outside', { width: '5rem', align: 'end' }],
    ['tries', 'Tries', { width: '5rem', align: 'end' }],
    ['nextTry', 'Next try', { width: '12rem', mono: true }],
    ['created', 'Created', { width: '12rem', mono: true }],
    ['size', 'Size (bytes)', { width: '7rem', align: 'end' }],
    ['file', 'File in evidence', { width: '7rem' }],
  ],
  attention: true,
};

const ROUTES: TableSpec = {
  id: 'routes',
  title: 'Routes',
  about:
    'hm_routes: mail for these domains or addresses is handed to the target host instead of the domain\'s MX. The authentication password is stored reversibly (Blowfish) and is not shown here.',
  columns: [
    ['domain', 'Domain', { width: 'minmax(12rem, 1fr)' }],
    ['description', 'Description', { width: 'minmax(10rem, 1fr)' }],
    ['target', 'Target host', { width: 'minmax(12rem, 1fr)', mono: true }],
    ['scope', 'Addresses', { width: 'minmax(14rem, 1.5fr)' }],
    ['tries', 'Tries', { width: '5rem', align: 'end' }],
    ['minutes', 'Minutes between', { width: '7rem', align: 'end' }],
    ['auth', 'Authenticates as', { width: 'minmax(10rem, 1fr)' }],
    ['security', 'Security', { width: '9rem' }],
    ['localRecipients', 'Recipients treated as local', { width: '10rem' }],
  ],
  attention: true,
};

/** hMailServer's next-try markers (hmailserver.md §2.3 hm_messages.messagenexttrytime). */
function nextTryText(value: string): string {
  if (value.startsWith('1901-01-01 00:00:00')) return 'at once (new)';
  if (value.startsWith('1901-01-01 00:00:01')) return 'held for ETRN';
  return value;
}

export async function loadQueue(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_messages', 'messagetype')) return unavailable(QUEUE);
  const result = await client.ask('deliveryQueue');
  const rows = queryRows(result).map((r) => {
    const outsideCount = asNumber(r.outside);
    const relay = asNumber(r.sender_outside) === 1 && outsideCount !== null && outsideCount > 0;
    return {
      cells: {
        id: asNumber(r.messageid),
        state: asNumber(r.messagetype) === 3 ? 'ETRN hold' : isOn(r.messagelocked) ? 'being delivered' : 'waiting',
        from: asText(r.messagefrom) || '<> (null sender)',
        recipients: asText(r.recipients) || null,
        outside: outsideCount,
        tries: asNumber(r.messagecurnooftries),
        nextTry: r.messagenexttrytime === null ? null : nextTryText(asText(r.messagenexttrytime)),
        created: asText(r.messagecreatetime) || null,
        size: asNumber(r.messagesize),
        file: yesNo(isOn(r.has_file)),
      },
      attention: attentionOf(
        relay && 'outside sender to outside recipients (relayed)',
        isOn(r.messagelocked) && 'locked: a delivery was under way when the server stopped',
      ),
    };
  });
  return configTable(QUEUE, rows, true, result);
}

export async function loadRoutes(client: TriageClient, hm: HmTables): Promise<ConfigTable> {
  if (!hm.has('hm_routes', 'routeid')) return unavailable(ROUTES);
  const result = await client.ask('routes');
  const rows = queryRows(result).map((r) => {
    const all = isOn(r.routealladdresses);
    const security = asNumber(r.routeconnectionsecurity);
    const description = asText(r.routedescription);
    const target = `${asText(r.routetargetsmthost)}${r.routetargetsmtport === null ? '' : `:${asText(r.routetargetsmtport)}`}`;
    return {
      cells: {
        domain: asText(r.routedomainname),
        description: description || null,
        target,
        scope: all ? 'all addresses of the domain' : asText(r.addresses) || '(none listed)',
        tries: asNumber(r.routenooftries),
        minutes: asNumber(r.routeminutesbetweentry),
        auth: isOn(r.routeuseauthentication) ? asText(r.routeauthenticationusername) || '(no user name)' : 'no',
        security: security === null ? null : (CONNECTION_SECURITY[security] ?? `security ${security}`),
        localRecipients: yesNo(r.routetreatsecurityaslocal === null ? null : isOn(r.routetreatsecurityaslocal)),
      },
      attention: attentionOf(
        all && `all mail for ${asText(r.routedomainname)} goes to ${target}`,
        /^etrn/i.test(description) && 'ETRN: mail is held until the route\'s host asks for it',
      ),
    };
  });
  return configTable(ROUTES, rows, true, result);
}
