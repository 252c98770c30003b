/** A protocol line (it has a session id) to its session: opened on first sight, then interpreted per protocol. */
import type { LogLine } from '../model/logEvent.ts';
import { applyImapLine } from './imapSession.ts';
import type { LogSink } from './logSink.ts';
import { applyPop3Line } from './pop3Session.ts';
import { openSession, sessionKey, touchSession, type SessionState } from './sessionState.ts';
import { applySmtpClientLine } from './smtpClientSession.ts';
import { applySmtpServerLine } from './smtpServerSession.ts';

/** POP3C (external account downloads, master only) carries no logon of this server's users: kept as a session only. */
const INTERPRETERS: Partial<Record<string, (s: SessionState, line: LogLine, sink: LogSink) => void>> = {
  SMTPD: applySmtpServerLine,
  SMTPC: applySmtpClientLine,
  POP3D: applyPop3Line,
  IMAPD: applyImapLine,
};

/** @param open the file's open sessions by key; `run` counts service starts seen in the file. */
export function applySessionLine(open: Map<string, SessionState>, line: LogLine, run: number, sink: LogSink): void {
  const key = sessionKey(line.file, run, line.type, line.session ?? 0);
  let s = open.get(key);
  if (!s) {
    s = openSession(line, run);
    open.set(key, s);
  }
  touchSession(s, line);
  INTERPRETERS[line.type]?.(s, line, sink);
}
