/**
 * `relay-external-to-external`: a message from an outside sender to outside recipients passed through or
 * waits in the server's queue — the server is being used to send someone else's mail. Envelope data comes
 * from hm_messages/hm_messagerecipients (queue rows only: hmailserver.md §2.3), else from the queue file's
 * headers; the account that authenticated comes from the SMTP log or the Received/X-AuthUser headers.
 */
import type { MessageLink } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { DbMessage, DbRecipient } from '../model/hmailDatabase.ts';
import type { ParsedMessage } from '../model/message.ts';
import { expectedPathForDbMessage } from '../link/expectedPathForDbMessage.ts';
import { findDataRoot } from '../link/findDataRoot.ts';
import type { Analyzer } from './analyzer.ts';
import { domainOf } from './support/domainOf.ts';
import { isAuthenticatedHop } from './support/isAuthenticatedHop.ts';
import { localDomains } from './support/localDomains.ts';
import { localTimeToUtcMs } from '../time/localToUtc.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { serverHostNames } from './support/serverHostNames.ts';
import { serverReceivedHop } from './support/serverReceivedHop.ts';
import { smtpLogonIndex, type SmtpLogonIndex } from './support/smtpLogonIndex.ts';

const QUEUE_TYPE = 1;
/** How long before the message a successful logon from the same IP is still taken as its authentication. */
const AUTH_LOOKBACK_MS = 2 * 3_600_000;

interface Candidate { path: string; row: DbMessage | null; message: ParsedMessage | null; link: MessageLink | null }
interface Authentication { account: string | null; authenticated: boolean; basis: string }

function header(m: ParsedMessage | null, name: string): string | null {
  return m?.headers.find((h) => h.name.toLowerCase() === name)?.value.trim() || null;
}

function envelopeOf(c: Candidate, recipientsById: Map<number, DbRecipient[]>, local: Set<string>): { sender: string; recipients: { address: string; local: boolean }[]; source: string } | null {
  const isLocal = (a: string) => local.has(domainOf(a) ?? '');
  if (c.row) {
    const rows = recipientsById.get(c.row.id) ?? [];
    if (rows.length > 0) {
      return { sender: c.row.from, recipients: rows.map((r) => ({ address: r.address, local: r.localAccountId > 0 || isLocal(r.address) })), source: 'hm_messages / hm_messagerecipients' };
    }
  }
  const m = c.message;
  if (!m) return null;
  const sender = c.row?.from || m.returnPath || m.from?.address || '';
  const recipients = [...m.to, ...m.cc, ...m.bcc].map((a) => ({ address: a.address, local: isLocal(a.address) }));
  return { sender, recipients, source: c.row ? 'hm_messages and the queue file headers' : 'the queue file headers' };
}

function authenticationOf(zone: ServerZone, index: SmtpLogonIndex, sender: string, recipients: string[], whenLocal: string | null, hopIp: string | null, m: ParsedMessage | null, hostNames: Set<string>): Authentication {
  const rcpt = new Set(recipients.map((r) => r.toLowerCase()));
  const sessions = index.sessionsFrom(sender).filter((s) => rcpt.size === 0 || s.rcptTo.some((r) => rcpt.has(r.toLowerCase())));
  const session = sessions.find((s) => s.authUser && s.authResult === 'ok') ?? sessions[0] ?? null;
  if (session?.authUser && session.authResult === 'ok') {
    return { account: session.authUser, authenticated: true, basis: `SMTP session ${session.session} in ${session.file} authenticated as ${session.authUser}` };
  }
  // hMailServer logs the AUTH and the MAIL FROM of one client under separate sessions when it reconnects.
  const ip = session?.ip ?? hopIp;
  const before = (session ? index.sessionStartMs(session) : null) ?? localTimeToUtcMs(whenLocal, zone);
  const logon = ip && before !== null ? index.lastLogonBefore(ip, before, AUTH_LOOKBACK_MS) : null;
  if (logon) {
    return { account: logon.account, authenticated: true, basis: `last successful logon from ${logon.ip} before it: ${logon.account} at ${logon.localTime} (${logon.where})` };
  }
  const authUser = header(m, 'x-authuser');
  if (authUser) return { account: authUser, authenticated: true, basis: 'X-AuthUser header' };
  const hop = m ? serverReceivedHop(m, hostNames) : null;
  if (hop && isAuthenticatedHop(hop)) return { account: null, authenticated: true, basis: `the server's Received hop says "with ${hop.with}" (authenticated, account not recorded)` };
  return { account: null, authenticated: false, basis: 'no authentication found in the logs or headers' };
}

export const relayExternalToExternal: Analyzer = {
  id: 'relayExternalToExternal',
  findingTypes: ['relay-external-to-external'],
  needs: [],
  run(caseData) {
    const db = caseData.database;
    const local = localDomains(caseData);
    const hostNames = serverHostNames(caseData);
    const logons = smtpLogonIndex(caseData.logs, caseData.serverZone);
    const messages = new Map(caseData.messages.map((m) => [m.path, m]));
    const linkById = new Map(caseData.links.filter((l) => l.dbMessageId !== null).map((l) => [l.dbMessageId as number, l]));
    const root = findDataRoot(caseData) ?? 'Data';
    const recipientsById = new Map<number, DbRecipient[]>();
    for (const r of db?.recipients ?? []) {
      const list = recipientsById.get(r.messageId);
      if (list) list.push(r);
      else recipientsById.set(r.messageId, [r]);
    }
    const candidates: Candidate[] = [];
    for (const row of db?.messages ?? []) {
      if (row.type !== QUEUE_TYPE) continue;
      const link = linkById.get(row.id) ?? null;
      const path = link?.path ?? (db ? expectedPathForDbMessage(db, row, root) : '');
      candidates.push({ path, row, link, message: link ? (messages.get(link.path) ?? null) : null });
    }
    for (const link of caseData.links) {
      if (link.location === 'queue' && link.dbMessageId === null) candidates.push({ path: link.path, row: null, link, message: messages.get(link.path) ?? null });
    }
    const findings: Finding[] = [];
    for (const c of candidates) {
      const envelope = envelopeOf(c, recipientsById, local);
      // A null sender is a bounce the server itself generated for an outside sender: not relaying.
      if (!envelope || !envelope.sender || local.has(domainOf(envelope.sender) ?? '')) continue;
      if (envelope.recipients.length === 0 || envelope.recipients.some((r) => r.local)) continue;
      const hop = c.message ? serverReceivedHop(c.message, hostNames) : null;
      const recipients = envelope.recipients.map((r) => r.address);
      const auth = authenticationOf(caseData.serverZone, logons, envelope.sender, recipients, c.row?.createTime ?? null, hop?.ip ?? null, c.message, hostNames);
      const sent = c.row?.createTime ? ` on ${c.row.createTime} (server time)` : '';
      findings.push({
        type: 'relay-external-to-external',
        severity: 'high',
        ref: { message: c.path, ...(auth.account ? { account: auth.account } : {}), ...(hop?.ip ? { ip: hop.ip } : {}) },
        summary: `${c.path} was accepted${sent} from the outside sender ${envelope.sender} for ${recipients.length} outside recipient${recipients.length === 1 ? '' : 's'} (${recipients.join(', ')}) and ${c.row?.type === QUEUE_TYPE || c.link?.location === 'queue' ? 'waits in the delivery queue' : 'was relayed'}: ${auth.account ? `sent with the credentials of ${auth.account}` : auth.authenticated ? 'sent by an authenticated client' : 'no authentication recorded, an open relay'}.`,
        details: {
          dbMessageId: c.row?.id ?? null,
          envelopeSender: envelope.sender,
          recipients,
          envelopeSource: envelope.source,
          createTime: c.row?.createTime ?? null,
          tries: c.row?.tries ?? null,
          nextTryTime: c.row?.nextTryTime ?? null,
          fileInEvidence: c.link !== null,
          ip: hop?.ip ?? null,
          helo: hop?.from ?? null,
          receivedWith: hop?.with ?? null,
          authenticatedAccount: auth.account,
          authenticated: auth.authenticated,
          authenticationBasis: auth.basis,
        },
      });
    }
    return findings;
  },
};
