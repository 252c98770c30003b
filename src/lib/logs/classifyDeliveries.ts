/**
 * APPLICATION "Delivering message from X to Y. File: Z" lines to one delivery-local or delivery-remote event per
 * recipient. hMailServer does not log which recipients were local (LocalDelivery.cpp logs nothing per account), so
 * the domain decides: the server's domains when known (database), plus those the logs prove local (accounts that
 * logged on, AWStats local deliveries); recipients of outbound SMTPC sessions prove a domain remote.
 */
import type { LogEvent, LogSession } from '../model/logEvent.ts';
import type { PendingDelivery } from './logSink.ts';

const NULL_SENDER = '<Empty>';

function domainOf(address: string | null): string | null {
  const at = address ? address.lastIndexOf('@') : -1;
  return address && at >= 0 ? address.slice(at + 1).trim().toLowerCase() : null;
}

export function classifyDeliveries(pending: PendingDelivery[], events: LogEvent[], sessions: LogSession[], localDomains: Iterable<string>): LogEvent[] {
  const local = new Set([...localDomains].map((d) => d.toLowerCase()));
  for (const e of events) {
    if (e.kind === 'logon-ok' || e.kind === 'delivery-local') {
      const d = domainOf(e.account);
      if (d) local.add(d);
    }
  }
  const remote = new Set<string>();
  for (const s of sessions) {
    if (s.protocol !== 'SMTPC') continue;
    for (const r of s.rcptTo) {
      const d = domainOf(r);
      if (d && !local.has(d)) remote.add(d);
    }
  }
  const out: LogEvent[] = [];
  for (const p of pending) {
    const sender = p.sender === NULL_SENDER ? null : p.sender;
    for (const recipient of p.recipients) {
      const d = domainOf(recipient) ?? '';
      const isLocal = local.has(d);
      const isRemote = !isLocal && (remote.has(d) || local.size > 0);
      const verdict = isLocal ? 'local' : isRemote ? 'remote' : 'assumed local: no local domain known';
      out.push({
        kind: isRemote ? 'delivery-remote' : 'delivery-local',
        localTime: p.line.localTime,
        file: p.line.file,
        lineNo: p.line.lineNo,
        protocol: p.line.type,
        session: null,
        ip: null,
        account: isRemote ? sender : recipient,
        detail: `message ${p.messageId} from ${p.sender} to ${recipient} (${verdict}); queue file ${p.messageFile}`,
      });
    }
  }
  return out;
}
