/**
 * Every timed fact of the case as one sorted list of TimelineEvent. A message gives up to three events, kept apart
 * because they can disagree: the database creation time (server local), the server's own Received stamp (with
 * its offset) and the Date header (the sender's claim). Log events, last logons and file times join them.
 */
import type { CaseData } from '../model/caseData.ts';
import type { LogEvent, LogSession } from '../model/logEvent.ts';
import { serverHostNames } from '../analyze/support/serverHostNames.ts';
import { serverReceivedHop } from '../analyze/support/serverReceivedHop.ts';
import { expectedPathForDbMessage } from '../link/expectedPathForDbMessage.ts';
import { findDataRoot } from '../link/findDataRoot.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { dateHeaderOffset } from '../analyze/zone/zoneEvidence.ts';
import { fileEventTime, headerEventTime, logEventTime, serverEventTime } from './eventTime.ts';
import type { TimelineEvent } from './timelineEvent.ts';
import { compareStrings } from '../model/compareStrings.ts';

const byText = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
};

function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    byText(a.timeUtc, b.timeUtc) ||
    byText(a.timeLocal, b.timeLocal) ||
    byText(a.type, b.type) ||
    byText(a.source, b.source) ||
    byText(a.description, b.description) ||
    byText(a.refMessage, b.refMessage) ||
    byText(a.refSession, b.refSession) ||
    byText(a.account, b.account) ||
    byText(a.ip, b.ip)
  );
}

/** Log events carry the session number; the session key also needs the service run, found by line range. */
function sessionFinder(sessions: LogSession[]): (e: LogEvent) => string | null {
  const index = new Map<string, LogSession[]>();
  for (const s of sessions) {
    const k = `${s.file}\u0000${s.protocol}\u0000${s.session}`;
    const list = index.get(k);
    if (list) list.push(s);
    else index.set(k, [s]);
  }
  return (e) => {
    if (e.session === null) return null;
    const list = index.get(`${e.file}\u0000${e.protocol}\u0000${e.session}`);
    return list?.find((s) => s.firstLine <= e.lineNo && e.lineNo <= s.lastLine)?.key ?? null;
  };
}

function messageEvents(caseData: CaseData, zone: ServerZone, out: TimelineEvent[]): void {
  const links = new Map(caseData.links.map((l) => [l.path, l]));
  const names = serverHostNames(caseData);
  for (const link of caseData.links) {
    if (!link.createTime) continue;
    const where = link.queued ? 'the delivery queue' : `${link.account ?? link.accountFromPath ?? 'an unknown account'}${link.folder ? ` / ${link.folder}` : ''}`;
    out.push({
      ...serverEventTime(link.createTime, zone),
      type: 'message-db-created',
      source: 'hm_messages.messagecreatetime',
      description: `message ${link.dbMessageId ?? '?'} stored in ${where}`,
      refMessage: link.path,
      refSession: null,
      account: link.account ?? link.accountFromPath,
      ip: null,
    });
  }
  const db = caseData.database;
  if (db) {
    const linked = new Set(caseData.links.map((l) => l.dbMessageId).filter((id) => id !== null));
    const root = findDataRoot(caseData) ?? 'Data';
    const accounts = new Map(db.accounts.map((a) => [a.id, a.address]));
    for (const row of db.messages) {
      if (linked.has(row.id) || !row.createTime) continue;
      const account = accounts.get(row.accountId) ?? null;
      out.push({
        ...serverEventTime(row.createTime, zone),
        type: 'message-db-created',
        source: 'hm_messages.messagecreatetime',
        description: `message ${row.id} stored in ${account ?? (row.folderId === 0 ? 'the delivery queue' : 'a public folder')} (its file is not in the evidence)`,
        refMessage: expectedPathForDbMessage(db, row, root),
        refSession: null,
        account,
        ip: null,
      });
    }
  }
  for (const m of caseData.messages) {
    const link = links.get(m.path);
    const account = link?.account ?? link?.accountFromPath ?? null;
    const from = m.from?.address ?? m.returnPath ?? '?';
    const hop = serverReceivedHop(m, names) ?? m.received[0] ?? null;
    if (hop?.time) {
      out.push({
        ...headerEventTime(hop.time, hop.offsetMinutes),
        type: 'message-received',
        source: 'Received header',
        description: `received by ${hop.by ?? '?'} from ${hop.from ?? '?'}${hop.ip ? ` [${hop.ip}]` : ''}: "${m.subject}" from ${from}`,
        refMessage: m.path,
        refSession: null,
        account,
        ip: hop.ip,
      });
    }
    if (m.date) {
      out.push({
        ...headerEventTime(m.date, dateHeaderOffset(m.headers.find((h) => h.name.toLowerCase() === 'date')?.value)),
        type: 'message-date-header',
        source: 'Date header',
        description: `dated by its sender: "${m.subject}" from ${from}`,
        refMessage: m.path,
        refSession: null,
        account,
        ip: null,
      });
    }
  }
}

function logEvents(caseData: CaseData, zone: ServerZone, out: TimelineEvent[]): void {
  const sessionOf = sessionFinder(caseData.logs.sessions);
  for (const e of caseData.logs.events) {
    out.push({
      ...logEventTime(caseData.logs, zone, e),
      type: e.kind,
      source: `${e.file}:${e.lineNo}`,
      description: `${e.protocol}: ${e.detail}`,
      refMessage: null,
      refSession: sessionOf(e),
      account: e.account,
      ip: e.ip,
    });
  }
}

function otherEvents(caseData: CaseData, zone: ServerZone, out: TimelineEvent[]): void {
  for (const a of caseData.database?.accounts ?? []) {
    if (!a.lastLogon) continue;
    out.push({
      ...serverEventTime(a.lastLogon, zone),
      type: 'account-last-logon',
      source: 'hm_accounts.accountlastlogontime',
      description: `last logon of ${a.address} (the account's creation time if it never logged on)`,
      refMessage: null,
      refSession: null,
      account: a.address,
      ip: null,
    });
  }
  for (const entry of caseData.inventory) {
    if (!entry.modified) continue;
    out.push({
      ...fileEventTime(entry.modified),
      type: 'file-modified',
      source: entry.container ?? 'file system',
      description: `${entry.path} last modified`,
      refMessage: entry.kind === 'message' ? entry.path : null,
      refSession: null,
      account: null,
      ip: null,
    });
  }
}

export function buildTimeline(caseData: CaseData): TimelineEvent[] {
  const zone = caseData.serverZone;
  const out: TimelineEvent[] = [];
  messageEvents(caseData, zone, out);
  logEvents(caseData, zone, out);
  otherEvents(caseData, zone, out);
  return out.sort(compareEvents);
}
