/**
 * The log facts relay analysis asks per message, indexed once: SMTP sessions by envelope sender, and
 * successful logons (logon-ok events and authenticated sessions) by IP in time order.
 */
import type { LogData, LogSession } from '../../model/logEvent.ts';
import { logTimeMs } from '../../time/logTime.ts';
import type { ServerZone } from '../../model/serverZone.ts';

interface Logon { account: string; ip: string; ms: number; localTime: string; where: string }

export interface SmtpLogonIndex {
  sessionsFrom(sender: string): LogSession[];
  /** The latest successful logon from `ip` at or before `ms`, no older than `maxAgeMs`. */
  lastLogonBefore(ip: string, ms: number, maxAgeMs: number): Logon | null;
  /** When a session started, in UTC ms (its repeated hour decided by its log's order, logTime.ts). */
  sessionStartMs(s: LogSession): number | null;
}

export function smtpLogonIndex(logs: LogData, zone: ServerZone): SmtpLogonIndex {
  const bySender = new Map<string, LogSession[]>();
  const startMs = (s: LogSession) => logTimeMs(logs, zone, { file: s.file, lineNo: s.firstLine, localTime: s.start });
  const byIp = new Map<string, Logon[]>();
  const addLogon = (l: Logon) => {
    const list = byIp.get(l.ip);
    if (list) list.push(l);
    else byIp.set(l.ip, [l]);
  };
  for (const s of logs.sessions) {
    const from = s.mailFrom?.toLowerCase();
    const same = from ? bySender.get(from) : undefined;
    if (same) same.push(s);
    else if (from) bySender.set(from, [s]);
    const ms = startMs(s);
    if (s.authUser && s.authResult === 'ok' && s.ip && ms !== null) {
      addLogon({ account: s.authUser, ip: s.ip, ms, localTime: s.start, where: `${s.protocol} session ${s.session} in ${s.file}` });
    }
  }
  for (const e of logs.events) {
    const ms = logTimeMs(logs, zone, e);
    if (e.kind === 'logon-ok' && e.account && e.ip && ms !== null) addLogon({ account: e.account, ip: e.ip, ms, localTime: e.localTime, where: `${e.file} line ${e.lineNo}` });
  }
  for (const list of byIp.values()) list.sort((a, b) => a.ms - b.ms);
  return {
    sessionsFrom: (sender) => bySender.get(sender.toLowerCase()) ?? [],
    sessionStartMs: startMs,
    lastLogonBefore(ip, ms, maxAgeMs) {
      const list = byIp.get(ip) ?? [];
      let best: Logon | null = null;
      for (const l of list) {
        if (l.ms > ms) break;
        if (ms - l.ms <= maxAgeMs) best = l;
      }
      return best;
    },
  };
}
