/** A protocol line to its session: opened on first sight, keyed by file, service run, protocol and session id. */
import { describe, expect, it } from 'vitest';
import { applySessionLine } from '../../../src/lib/logs/sessionLine.ts';
import type { SessionState } from '../../../src/lib/logs/sessionState.ts';
import { FILE, line, recordingSink } from './lineKit.ts';

describe('applySessionLine', () => {
  it('keeps the sessions of one id apart by protocol and by service run', () => {
    const open = new Map<string, SessionState>();
    const sink = recordingSink();
    applySessionLine(open, line('SMTPD', 'RECEIVED: HELO first', { session: 5 }), 0, sink);
    applySessionLine(open, line('IMAPD', 'RECEIVED: a1 LOGIN carol@mydomain.tld ***', { session: 5 }), 0, sink);
    applySessionLine(open, line('SMTPD', 'RECEIVED: HELO after-restart', { session: 5 }), 1, sink);
    applySessionLine(open, line('SMTPD', 'RECEIVED: MAIL FROM:<a@b.example>', { session: 5 }), 0, sink);
    expect([...open.keys()]).toEqual([`${FILE}#0#SMTPD#5`, `${FILE}#0#IMAPD#5`, `${FILE}#1#SMTPD#5`]);
    expect(open.get(`${FILE}#0#SMTPD#5`)).toMatchObject({ helo: 'first', mailFrom: 'a@b.example', lineCount: 2 });
    expect(open.get(`${FILE}#1#SMTPD#5`)).toMatchObject({ helo: 'after-restart', lineCount: 1 });
    expect(open.get(`${FILE}#0#IMAPD#5`)).toMatchObject({ pendingUser: 'carol@mydomain.tld', lineCount: 1 });
  });

  it('hands each protocol to its interpreter', () => {
    const open = new Map<string, SessionState>();
    const sink = recordingSink();
    applySessionLine(open, line('POP3D', 'RECEIVED: USER bob@mydomain.tld', { session: 1 }), 0, sink);
    applySessionLine(open, line('POP3D', 'RECEIVED: PASS ***', { session: 1 }), 0, sink);
    applySessionLine(open, line('POP3D', 'SENT: +OK Mailbox locked and ready', { session: 1 }), 0, sink);
    applySessionLine(open, line('SMTPC', 'SENT: MAIL FROM:<alice@mydomain.tld>', { session: 2 }), 0, sink);
    applySessionLine(open, line('SMTPC', 'RECEIVED: 421 busy', { session: 2 }), 0, sink);
    expect(sink.events.map((e) => [e.kind, e.account])).toEqual([['logon-ok', 'bob@mydomain.tld'], ['delivery-failed', 'alice@mydomain.tld']]);
  });

  it('keeps a POP3C download as a session only: it carries no logon of this server', () => {
    const open = new Map<string, SessionState>();
    const sink = recordingSink();
    applySessionLine(open, line('POP3C', 'SENT: USER remote-user', { session: 9 }), 0, sink);
    applySessionLine(open, line('POP3C', 'RECEIVED: -ERR Invalid user name or password.', { session: 9 }), 0, sink);
    expect(sink.events).toEqual([]);
    expect(open.get(`${FILE}#0#POP3C#9`)).toMatchObject({ lineCount: 2, responses: [], authResult: null });
  });
});
