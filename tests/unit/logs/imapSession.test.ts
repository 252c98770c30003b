/** IMAPD lines of one session (hmailserver.md §4.3): LOGIN and AUTHENTICATE, and the tagged reply or ban that answers them. */
import { describe, expect, it } from 'vitest';
import { applyImapLine } from '../../../src/lib/logs/imapSession.ts';
import { openSession, type SessionState } from '../../../src/lib/logs/sessionState.ts';
import { line, recordingSink } from './lineKit.ts';

function run(texts: string[]): { s: SessionState; sink: ReturnType<typeof recordingSink> } {
  const sink = recordingSink();
  const s = openSession(line('IMAPD', texts[0]), 0);
  for (const text of texts) applyImapLine(s, line('IMAPD', text), sink);
  return { s, sink };
}

describe('applyImapLine', () => {
  it('reads the reference LOGIN with its quoted user and the tagged OK', () => {
    const { s, sink } = run(['RECEIVED: 3 login "RoyTenneman@Giacobeville.com" ***', 'SENT: 3 OK LOGIN completed']);
    expect(sink.events).toEqual([{ kind: 'logon-ok', account: 'RoyTenneman@Giacobeville.com', detail: 'IMAP LOGIN succeeded: 3 OK LOGIN completed' }]);
    expect([s.authUser, s.authResult, s.tag]).toEqual(['RoyTenneman@Giacobeville.com', 'ok', null]);
  });

  it('reads a quoted user name with a space, the password being the last word', () => {
    const { s, sink } = run(['RECEIVED: a1 LOGIN "John Smith" ***', 'SENT: a1 OK LOGIN completed']);
    expect(s.authUser).toBe('John Smith');
    expect(sink.credentials).toEqual([]);
  });

  it('keeps quotes inside a user name, which hMailServer does not escape', () => {
    const { s } = run(['RECEIVED: a1 LOGIN "we"ird@example.com" ***', 'SENT: a1 OK LOGIN completed']);
    expect(s.authUser).toBe('we"ird@example.com');
  });

  it('reads a tagged NO as a failure and ignores the reply to another tag', () => {
    const { s, sink } = run(['RECEIVED: a1 LOGIN carol@mydomain.tld ***', 'SENT: a0 OK CAPABILITY completed', 'SENT: a1 NO Invalid user name or password.']);
    expect(sink.events).toEqual([{ kind: 'logon-failed', account: 'carol@mydomain.tld', detail: 'IMAP LOGIN failed: a1 NO Invalid user name or password.' }]);
    expect(s.responses).toEqual(['a1 NO Invalid user name or password.']);
    expect(s.authResult).toBe('failed');
  });

  it('reads the ban line that ends the connection as a failure and a ban', () => {
    const { sink } = run(['RECEIVED: a1 LOGIN carol@mydomain.tld ***', 'SENT: * Too many invalid logon attempts.[nl]a1 BAD Goodbye']);
    expect(sink.events.map((e) => [e.kind, e.account])).toEqual([['logon-failed', 'carol@mydomain.tld'], ['logon-banned', 'carol@mydomain.tld']]);
  });

  it('reports a ban outside a logon as a ban only', () => {
    const { sink } = run(['SENT: * Too many invalid logon attempts.']);
    expect(sink.events).toEqual([{ kind: 'logon-banned', account: null, detail: 'IMAP: * Too many invalid logon attempts.' }]);
  });

  it('reports a LOGIN password written to the log, without its quotes', () => {
    const { sink } = run(['RECEIVED: a1 LOGIN carol@mydomain.tld "hunter2"']);
    expect(sink.credentials.map((c) => [c.account, c.mechanism, c.secret])).toEqual([['carol@mydomain.tld', 'IMAP LOGIN', 'hunter2']]);
  });

  it('reads AUTHENTICATE PLAIN with the blob after the continuation', () => {
    const { s, sink } = run(['RECEIVED: a2 AUTHENTICATE PLAIN', 'SENT: + ', 'RECEIVED: carol@mydomain.tld ***', 'SENT: a2 OK AUTHENTICATE completed']);
    expect(sink.events).toEqual([{ kind: 'logon-ok', account: 'carol@mydomain.tld', detail: 'IMAP AUTH PLAIN succeeded: a2 OK AUTHENTICATE completed' }]);
    expect(s.authUser).toBe('carol@mydomain.tld');
  });

  it('names another AUTHENTICATE mechanism without a user', () => {
    const { sink } = run(['RECEIVED: a3 AUTHENTICATE CRAM-MD5', 'SENT: a3 NO failed']);
    expect(sink.events).toEqual([{ kind: 'logon-failed', account: null, detail: 'IMAP AUTHENTICATE CRAM-MD5 failed: a3 NO failed' }]);
  });
});
