/**
 * The envelope commands both SMTP directions log the same way (HELO/EHLO, MAIL FROM with its SIZE=, RCPT TO):
 * hMailServer's SMTPD sees them RECEIVED from a client, its SMTPC SENT to a remote server.
 */
import { addRecipient, type SessionState } from './sessionState.ts';

const HELO = /^(?:HELO|EHLO)\s+(.*)$/i;
const MAIL_FROM = /^MAIL FROM:\s*(?:<([^>]*)>|(\S+))(.*)$/i;
const RCPT_TO = /^RCPT TO:\s*(?:<([^>]*)>|(\S+))/i;
const SIZE_PARAM = /\bSIZE=(\d+)/i;

/** Records the command in the session; false when it is not an envelope command. */
export function applyEnvelopeCommand(s: SessionState, command: string): boolean {
  const helo = HELO.exec(command);
  if (helo) {
    s.helo ??= helo[1].trim();
    return true;
  }
  const from = MAIL_FROM.exec(command);
  if (from) {
    s.mailFrom ??= from[1] ?? from[2] ?? '';
    const size = SIZE_PARAM.exec(from[3]);
    if (size) s.bytes += Number(size[1]);
    return true;
  }
  const rcpt = RCPT_TO.exec(command);
  if (rcpt) {
    addRecipient(s, rcpt[1] ?? rcpt[2] ?? '');
    return true;
  }
  return false;
}
