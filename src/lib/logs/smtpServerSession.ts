/**
 * SMTPD lines of one session (hmailserver.md §4.3): HELO, AUTH (LOGIN, PLAIN, others) and its result, MAIL FROM,
 * RCPT TO and the replies that refuse them, and the `250 Queued` that accepts a message.
 */
import type { LogLine } from '../model/logEvent.ts';
import { applyEnvelopeCommand } from './applyEnvelopeCommand.ts';
import { applyLoginPassword, applyLoginUser, applyPlainBlob } from './authExchange.ts';
import type { LogSink } from './logSink.ts';
import { noteResponse, recordLogon, refuseRecipient, type SessionState } from './sessionState.ts';

const AUTH = /^AUTH\s+(\S+)(?:\s+(.*))?$/i;
const REPLY_CODE = /^([2-5])\d\d[ -]?/;
const ASK_USER = /^334 VXNlcm5hbWU6/;
const ASK_PASSWORD = /^334 UGFzc3dvcmQ6/;
const RELAY_DENIED = /^(?:550 Delivery is not allowed to this address|530 SMTP authentication is required)/i;
const BANNED = /Too many invalid logon attempts/i;

function clientLine(s: SessionState, line: LogLine, command: string, sink: LogSink): void {
  if (s.expect === 'login-user') {
    s.expect = null;
    applyLoginUser(s, command);
    return;
  }
  if (s.expect === 'login-password') {
    s.expect = 'logon-result';
    applyLoginPassword(s, line, command, sink);
    return;
  }
  if (s.expect === 'plain-blob') {
    s.expect = 'logon-result';
    applyPlainBlob(s, line, command, sink);
    return;
  }
  const auth = AUTH.exec(command);
  if (auth) {
    const mechanism = auth[1].toUpperCase();
    s.expect = 'logon-result';
    if (mechanism === 'LOGIN') {
      applyLoginUser(s, auth[2] ?? '***');
    } else if (mechanism === 'PLAIN') {
      if (auth[2]) applyPlainBlob(s, line, auth[2], sink);
      else s.mechanism = 'AUTH PLAIN';
    } else {
      s.mechanism = `AUTH ${mechanism}`;
      s.pendingUser = null;
    }
    return;
  }
  if (applyEnvelopeCommand(s, command)) return;
  if (/^DATA\s*$/i.test(command)) s.expect = 'data-result';
}

function serverLine(s: SessionState, line: LogLine, reply: string, sink: LogSink): void {
  if (ASK_USER.test(reply)) {
    s.expect = 'login-user';
    return;
  }
  if (ASK_PASSWORD.test(reply)) {
    s.expect = 'login-password';
    return;
  }
  if (reply.startsWith('334') && s.mechanism === 'AUTH PLAIN') {
    s.expect = 'plain-blob';
    return;
  }
  const code = REPLY_CODE.exec(reply);
  if (!code) return;
  if (reply.startsWith('235')) {
    recordLogon(s, true);
    sink.event(line, 'logon-ok', s.pendingUser, `SMTP ${s.mechanism ?? 'AUTH'} succeeded: ${reply}`);
    s.pendingUser = null;
    s.expect = null;
    return;
  }
  if (reply.startsWith('535')) {
    recordLogon(s, false);
    noteResponse(s, reply);
    sink.event(line, 'logon-failed', s.pendingUser, `SMTP ${s.mechanism ?? 'AUTH'} failed: ${reply}`);
    if (BANNED.test(reply)) sink.event(line, 'logon-banned', s.pendingUser, `SMTP: ${reply}`);
    s.pendingUser = null;
    s.expect = null;
    return;
  }
  if (reply.startsWith('250 Queued')) {
    const account = s.authResult === 'ok' ? s.authUser : null;
    sink.event(line, 'message-accepted', account, `message from ${s.mailFrom ?? '?'} to ${s.rcptTo.join(', ') || '?'} accepted: ${reply}`);
    s.expect = null;
    return;
  }
  const failed = code[1] === '4' || code[1] === '5';
  const rcpt = s.pendingRcpt;
  if (failed) {
    noteResponse(s, rcpt ? `${reply} (RCPT TO:<${rcpt.address}>)` : reply);
    if (RELAY_DENIED.test(reply)) {
      sink.event(line, 'relay-denied', s.authResult === 'ok' ? s.authUser : null, `RCPT TO:<${rcpt?.address ?? '?'}> from ${s.mailFrom ?? '?'} refused: ${reply}`);
    }
    if (rcpt) refuseRecipient(s);
  }
  s.pendingRcpt = null;
  if (s.expect === 'logon-result' || s.expect === 'data-result') s.expect = null;
}

export function applySmtpServerLine(s: SessionState, line: LogLine, sink: LogSink): void {
  if (line.text.startsWith('RECEIVED: ')) clientLine(s, line, line.text.slice(10), sink);
  else if (line.text.startsWith('SENT: ')) serverLine(s, line, line.text.slice(6), sink);
}
