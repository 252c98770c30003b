/** POP3D lines of one session (hmailserver.md §4.3): USER, PASS and the +OK / -ERR that answers it. */
import { describe, expect, it } from 'vitest';
import { applyPop3Line } from '../../../src/lib/logs/pop3Session.ts';
import { openSession, type SessionState } from '../../../src/lib/logs/sessionState.ts';
import { line, recordingSink } from './lineKit.ts';

function run(texts: string[]): { s: SessionState; sink: ReturnType<typeof recordingSink> } {
  const sink = recordingSink();
  const s = openSession(line('POP3D', texts[0]), 0);
  for (const text of texts) applyPop3Line(s, line('POP3D', text), sink);
  return { s, sink };
}

describe('applyPop3Line', () => {
  it('reads the reference failure: USER, PASS ***, -ERR', () => {
    const { s, sink } = run(['SENT: +OK POP3', 'RECEIVED: USER bob@mydomain.tld', 'SENT: +OK Send your password', 'RECEIVED: PASS ***', 'SENT: -ERR Invalid user name or password.']);
    expect(sink.events).toEqual([{ kind: 'logon-failed', account: 'bob@mydomain.tld', detail: 'POP3 logon failed: -ERR Invalid user name or password.' }]);
    expect(s).toMatchObject({ authUser: 'bob@mydomain.tld', authResult: 'failed', mechanism: 'USER/PASS', responses: ['-ERR Invalid user name or password.'] });
    expect(sink.credentials).toEqual([]);
  });

  it('reads a success, and only the reply to PASS as the logon result', () => {
    const { s, sink } = run(['SENT: +OK POP3', 'RECEIVED: USER bob@mydomain.tld', 'SENT: +OK Send your password', 'RECEIVED: PASS ***', 'SENT: +OK Mailbox locked and ready', 'RECEIVED: DELE 3', 'SENT: +OK msg deleted']);
    expect(sink.events).toEqual([{ kind: 'logon-ok', account: 'bob@mydomain.tld', detail: 'POP3 logon succeeded: +OK Mailbox locked and ready' }]);
    expect([s.authUser, s.authResult]).toEqual(['bob@mydomain.tld', 'ok']);
  });

  it('reports the ban with the failure', () => {
    const { sink } = run(['RECEIVED: USER x@mydomain.tld', 'RECEIVED: PASS ***', 'SENT: -ERR Invalid user name or password. Too many invalid logon attempts.']);
    expect(sink.events.map((e) => e.kind)).toEqual(['logon-failed', 'logon-banned']);
  });

  it('reports a password written to the log unmasked', () => {
    const { sink } = run(['RECEIVED: USER bob@mydomain.tld', 'RECEIVED: PASS hunter2']);
    expect(sink.credentials.map((c) => [c.account, c.mechanism, c.secret])).toEqual([['bob@mydomain.tld', 'POP3 PASS', 'hunter2']]);
  });

  it('keeps an -ERR outside a logon as a response only', () => {
    const { s, sink } = run(['RECEIVED: RETR 9', 'SENT: -ERR No such message']);
    expect(sink.events).toEqual([]);
    expect(s.responses).toEqual(['-ERR No such message']);
  });
});
