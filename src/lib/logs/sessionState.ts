/** A session being rebuilt from its interleaved lines: the LogSession fields plus what the next line answers. */
import type { LogLine, LogSession } from '../model/logEvent.ts';
import { MAX_RCPT_PER_SESSION, MAX_RESPONSES_PER_SESSION } from './logLimits.ts';

export interface SessionState extends LogSession {
  /** What the server's last prompt asked the client for (334 VXNlcm5hbWU6 → the Base64 user name, …). */
  expect: 'login-user' | 'login-password' | 'plain-blob' | 'logon-result' | 'data-result' | null;
  /** The user of the logon in progress and how it authenticates. */
  pendingUser: string | null;
  mechanism: string | null;
  /** IMAP tag of the pending LOGIN/AUTHENTICATE. */
  tag: string | null;
  /** The RCPT TO awaiting its reply (index in rcptTo, or -1 when over the cap). */
  pendingRcpt: { address: string; index: number } | null;
}

export function sessionKey(file: string, run: number, protocol: string, session: number): string {
  return `${file}#${run}#${protocol}#${session}`;
}

export function openSession(line: LogLine, run: number): SessionState {
  const session = line.session ?? 0;
  return {
    key: sessionKey(line.file, run, line.type, session),
    file: line.file,
    protocol: line.type,
    session,
    ip: line.ip,
    start: line.localTime,
    end: line.localTime,
    helo: null,
    authUser: null,
    authResult: null,
    mailFrom: null,
    rcptTo: [],
    responses: [],
    bytes: 0,
    lineCount: 0,
    firstLine: line.lineNo,
    lastLine: line.lineNo,
    expect: null,
    pendingUser: null,
    mechanism: null,
    tag: null,
    pendingRcpt: null,
  };
}

export function touchSession(s: SessionState, line: LogLine): void {
  s.lineCount++;
  s.lastLine = line.lineNo;
  if (line.localTime > s.end) s.end = line.localTime;
  if (!s.ip && line.ip) s.ip = line.ip;
}

export function addRecipient(s: SessionState, address: string): void {
  if (s.rcptTo.length < MAX_RCPT_PER_SESSION) {
    s.rcptTo.push(address);
    s.pendingRcpt = { address, index: s.rcptTo.length - 1 };
  } else {
    s.pendingRcpt = { address, index: -1 };
  }
}

/** A 4xx/5xx reply to the pending RCPT TO: that recipient was refused, so it is not in the list of recipients. */
export function refuseRecipient(s: SessionState): void {
  const p = s.pendingRcpt;
  if (p && p.index >= 0 && s.rcptTo[p.index] === p.address) s.rcptTo.splice(p.index, 1);
  s.pendingRcpt = null;
}

export function noteResponse(s: SessionState, response: string): void {
  if (s.responses.length < MAX_RESPONSES_PER_SESSION) s.responses.push(response);
}

export function recordLogon(s: SessionState, ok: boolean): void {
  if (ok) {
    s.authResult = 'ok';
    s.authUser = s.pendingUser ?? s.authUser;
  } else {
    if (s.authResult !== 'ok') s.authResult = 'failed';
    if (s.authResult !== 'ok' && s.pendingUser) s.authUser = s.pendingUser;
  }
}

export function closeSession(s: SessionState): LogSession {
  return {
    key: s.key,
    file: s.file,
    protocol: s.protocol,
    session: s.session,
    ip: s.ip,
    start: s.start,
    end: s.end,
    helo: s.helo,
    authUser: s.authUser,
    authResult: s.authResult,
    mailFrom: s.mailFrom,
    rcptTo: s.rcptTo,
    responses: s.responses,
    bytes: s.bytes,
    lineCount: s.lineCount,
    firstLine: s.firstLine,
    lastLine: s.lastLine,
  };
}
