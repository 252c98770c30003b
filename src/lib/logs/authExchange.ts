/**
 * The credential-bearing steps of SMTP AUTH and IMAP AUTHENTICATE as hMailServer logs them (hmailserver.md §4.2):
 * Base64 user names are decoded for the sessions view; a password that reached the log unmasked is reported.
 */
import type { LogLine } from '../model/logEvent.ts';
import { decodeAuthPlain } from './decodeAuthPlain.ts';
import { base64ToBytes } from '../model/base64.ts';
import { decodeBase64Text, isPrintable } from './decodeBase64Text.ts';
import type { LogSink } from './logSink.ts';
import type { SessionState } from './sessionState.ts';

const MASKED = '***';
/** Master (PR #437) logs `AUTH PLAIN <base64(user)> ***`; some paths log `<user> ***`. */
const MASKED_WITH_USER = /^(\S+)\s+\*\*\*$/;
const NO_USER = '(no user name)';

/** The user part before ` ***`: Base64 of the user (possibly with the authzid and NULs), or the user itself. */
function maskedPlainUser(token: string): string {
  const bytes = base64ToBytes(token.trim(), { strict: true });
  if (bytes) {
    const parts = new TextDecoder('utf-8').decode(bytes).split('\u0000').filter((p) => p !== '');
    const user = parts[parts.length - 1];
    if (user && isPrintable(user)) return user;
  }
  return token;
}

export function exposeCredential(sink: LogSink, line: LogLine, account: string | null, mechanism: string, secret: string): void {
  const name = account || NO_USER;
  sink.credential({ file: line.file, lineNo: line.lineNo, localTime: line.localTime, ip: line.ip, account: name, mechanism, secret });
  sink.event(line, 'credential-in-log', name, `${mechanism}: the password of ${name} was written to the log unmasked`);
}

/** The client's answer to `334 VXNlcm5hbWU6` ("Username:"), or the argument of `AUTH LOGIN <user>`. */
export function applyLoginUser(s: SessionState, token: string): void {
  const t = token.trim();
  s.mechanism = 'AUTH LOGIN';
  s.pendingUser = t === MASKED ? null : (decodeBase64Text(t) ?? t);
}

/** The client's answer to `334 UGFzc3dvcmQ6` ("Password:"): `***` unless a version logged it as sent. */
export function applyLoginPassword(s: SessionState, line: LogLine, token: string, sink: LogSink): void {
  const t = token.trim();
  if (t === MASKED || t === '') return;
  const secret = decodeBase64Text(t);
  if (secret !== null) exposeCredential(sink, line, s.pendingUser, 'AUTH LOGIN', secret);
}

/** An AUTH PLAIN / AUTHENTICATE PLAIN blob: masked, masked after the user, or (5.6.x one-line) the full credentials. */
export function applyPlainBlob(s: SessionState, line: LogLine, blob: string, sink: LogSink): void {
  const t = blob.trim();
  s.mechanism = 'AUTH PLAIN';
  s.pendingUser = null;
  if (t === MASKED || t === '') return;
  const masked = MASKED_WITH_USER.exec(t);
  if (masked) {
    s.pendingUser = maskedPlainUser(masked[1]);
    return;
  }
  const plain = decodeAuthPlain(t);
  if (!plain) return;
  s.pendingUser = plain.user || null;
  if (plain.password !== '') exposeCredential(sink, line, s.pendingUser, 'AUTH PLAIN', plain.password);
}
