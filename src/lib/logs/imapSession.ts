/**
 * IMAPD lines of one session (hmailserver.md §4.3): `<tag> LOGIN <user> ***` or `<tag> AUTHENTICATE PLAIN`, and the
 * tagged OK / NO that answers it, or the `* Too many invalid logon attempts.` that ends the connection.
 */
import type { LogLine } from '../model/logEvent.ts';
import { applyPlainBlob, exposeCredential } from './authExchange.ts';
import type { LogSink } from './logSink.ts';
import { noteResponse, recordLogon, type SessionState } from './sessionState.ts';

const LOGIN = /^(\S+)\s+LOGIN\s+(.*)$/i;
const AUTHENTICATE = /^(\S+)\s+AUTHENTICATE\s+(\S+)(?:\s+(.*))?$/i;
const BANNED = /Too many invalid logon attempts/i;

/** `"user" ***` or `user ***`; the user may itself hold quotes, which hMailServer does not escape. */
function loginArguments(rest: string): { user: string; password: string } {
  const t = rest.trim();
  const space = t.lastIndexOf(' ');
  const userPart = space < 0 ? t : t.slice(0, space).trim();
  const user = userPart.length >= 2 && userPart.startsWith('"') && userPart.endsWith('"') ? userPart.slice(1, -1) : userPart;
  return { user, password: space < 0 ? '' : t.slice(space + 1) };
}

function clientLine(s: SessionState, line: LogLine, command: string, sink: LogSink): void {
  if (s.expect === 'plain-blob') {
    s.expect = 'logon-result';
    applyPlainBlob(s, line, command, sink);
    return;
  }
  const login = LOGIN.exec(command);
  if (login) {
    const { user, password } = loginArguments(login[2]);
    s.tag = login[1];
    s.mechanism = 'LOGIN';
    s.pendingUser = user || null;
    s.expect = 'logon-result';
    if (password !== '***' && password !== '') exposeCredential(sink, line, s.pendingUser, 'IMAP LOGIN', password.replace(/^"(.*)"$/, '$1'));
    return;
  }
  const auth = AUTHENTICATE.exec(command);
  if (auth) {
    s.tag = auth[1];
    s.expect = 'logon-result';
    const mechanism = auth[2].toUpperCase();
    if (mechanism !== 'PLAIN') {
      s.mechanism = `AUTHENTICATE ${mechanism}`;
      s.pendingUser = null;
    } else if (auth[3]) {
      applyPlainBlob(s, line, auth[3], sink);
    } else {
      s.mechanism = 'AUTH PLAIN';
      s.pendingUser = null;
    }
  }
}

function serverLine(s: SessionState, line: LogLine, reply: string, sink: LogSink): void {
  if (s.expect === 'logon-result' && s.mechanism === 'AUTH PLAIN' && reply.startsWith('+')) {
    s.expect = 'plain-blob';
    return;
  }
  const tagged = s.tag !== null && reply.startsWith(`${s.tag} `) ? reply.slice(s.tag.length + 1) : null;
  const banned = BANNED.test(reply);
  if (banned || (tagged !== null && /^(NO|BAD)\b/i.test(tagged))) noteResponse(s, reply);
  if (s.expect !== 'logon-result') {
    if (banned) sink.event(line, 'logon-banned', s.pendingUser, `IMAP: ${reply}`);
    return;
  }
  if (tagged !== null && /^OK\b/i.test(tagged)) {
    recordLogon(s, true);
    sink.event(line, 'logon-ok', s.pendingUser, `IMAP ${s.mechanism ?? 'LOGIN'} succeeded: ${reply}`);
  } else if (banned || (tagged !== null && /^(NO|BAD)\b/i.test(tagged))) {
    recordLogon(s, false);
    sink.event(line, 'logon-failed', s.pendingUser, `IMAP ${s.mechanism ?? 'LOGIN'} failed: ${reply}`);
    if (banned) sink.event(line, 'logon-banned', s.pendingUser, `IMAP: ${reply}`);
  } else {
    return;
  }
  s.expect = null;
  s.pendingUser = null;
  s.tag = null;
}

export function applyImapLine(s: SessionState, line: LogLine, sink: LogSink): void {
  if (line.text.startsWith('RECEIVED: ')) clientLine(s, line, line.text.slice(10), sink);
  else if (line.text.startsWith('SENT: ')) serverLine(s, line, line.text.slice(6), sink);
}
