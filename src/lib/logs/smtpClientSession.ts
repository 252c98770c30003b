/**
 * SMTPC lines of one outbound delivery (hmailserver.md §4.3): the server is the client here, so SENT lines are its
 * commands and RECEIVED lines the remote server's replies. The reply to the end of DATA is the delivery result.
 */
import type { LogLine } from '../model/logEvent.ts';
import { applyEnvelopeCommand } from './applyEnvelopeCommand.ts';
import type { LogSink } from './logSink.ts';
import { noteResponse, refuseRecipient, type SessionState } from './sessionState.ts';

const END_OF_DATA = /^(?:\[nl\])*\.$/;
const REPLY_CODE = /^([2-5])\d\d(?:[ -]|$)/;

function clientCommand(s: SessionState, command: string): void {
  if (applyEnvelopeCommand(s, command)) return;
  if (END_OF_DATA.test(command.trim())) s.expect = 'data-result';
}

function remoteReply(s: SessionState, line: LogLine, reply: string, sink: LogSink): void {
  const code = REPLY_CODE.exec(reply);
  if (!code) return;
  const failed = code[1] === '4' || code[1] === '5';
  const server = s.ip ?? '?';
  if (s.expect === 'data-result') {
    s.expect = null;
    const what = `message from ${s.mailFrom ?? '?'} to ${s.rcptTo.join(', ') || '?'}`;
    if (failed) {
      noteResponse(s, reply);
      sink.event(line, 'delivery-failed', s.mailFrom, `remote server ${server} refused the ${what}: ${reply}`);
    } else {
      sink.event(line, 'delivery-remote', s.mailFrom, `remote server ${server} accepted the ${what}: ${reply}`);
    }
    return;
  }
  const rcpt = s.pendingRcpt;
  s.pendingRcpt = null;
  if (!failed) return;
  if (rcpt) {
    s.pendingRcpt = rcpt;
    noteResponse(s, `${reply} (RCPT TO:<${rcpt.address}>)`);
    refuseRecipient(s);
    sink.event(line, 'delivery-failed', s.mailFrom, `remote server ${server} refused RCPT TO:<${rcpt.address}> from ${s.mailFrom ?? '?'}: ${reply}`);
    return;
  }
  noteResponse(s, reply);
  sink.event(line, 'delivery-failed', s.mailFrom, `remote server ${server} replied ${reply}`);
}

export function applySmtpClientLine(s: SessionState, line: LogLine, sink: LogSink): void {
  if (line.text.startsWith('SENT: ')) clientCommand(s, line.text.slice(6));
  else if (line.text.startsWith('RECEIVED: ')) remoteReply(s, line, line.text.slice(10), sink);
}
