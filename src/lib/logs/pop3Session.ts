/** POP3D lines of one session (hmailserver.md §4.3): USER, PASS (logged as `***`) and the +OK / -ERR that answers it. */
import type { LogLine } from '../model/logEvent.ts';
import { exposeCredential } from './authExchange.ts';
import type { LogSink } from './logSink.ts';
import { noteResponse, recordLogon, type SessionState } from './sessionState.ts';

const USER = /^USER\s+(.*)$/i;
const PASS = /^PASS(?:\s+(.*))?$/i;
const BANNED = /Too many invalid logon attempts/i;

export function applyPop3Line(s: SessionState, line: LogLine, sink: LogSink): void {
  const text = line.text;
  if (text.startsWith('RECEIVED: ')) {
    const command = text.slice(10);
    const user = USER.exec(command);
    if (user) {
      s.pendingUser = user[1].trim();
      s.mechanism = 'USER/PASS';
      return;
    }
    const pass = PASS.exec(command);
    if (pass) {
      s.expect = 'logon-result';
      const secret = (pass[1] ?? '').trim();
      if (secret !== '***' && secret !== '') exposeCredential(sink, line, s.pendingUser, 'POP3 PASS', secret);
    }
    return;
  }
  if (!text.startsWith('SENT: ')) return;
  const reply = text.slice(6);
  if (reply.startsWith('-ERR')) noteResponse(s, reply);
  if (s.expect !== 'logon-result') return;
  s.expect = null;
  if (reply.startsWith('+OK')) {
    recordLogon(s, true);
    sink.event(line, 'logon-ok', s.pendingUser, `POP3 logon succeeded: ${reply}`);
  } else if (reply.startsWith('-ERR')) {
    recordLogon(s, false);
    sink.event(line, 'logon-failed', s.pendingUser, `POP3 logon failed: ${reply}`);
    if (BANNED.test(reply)) sink.event(line, 'logon-banned', s.pendingUser, `POP3: ${reply}`);
  }
  s.pendingUser = null;
}
