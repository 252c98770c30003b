/** SMTPC lines of one outbound delivery (hmailserver.md §4.3): SENT are the server's commands, RECEIVED the remote replies. */
import { describe, expect, it } from 'vitest';
import { openSession, type SessionState } from '../../../src/lib/logs/sessionState.ts';
import { applySmtpClientLine } from '../../../src/lib/logs/smtpClientSession.ts';
import { line, recordingSink } from './lineKit.ts';

function run(texts: string[], ip: string | null = '192.0.2.25'): { s: SessionState; sink: ReturnType<typeof recordingSink> } {
  const sink = recordingSink();
  const s = openSession(line('SMTPC', texts[0], { ip }), 0);
  for (const text of texts) applySmtpClientLine(s, line('SMTPC', text, { ip }), sink);
  return { s, sink };
}

const ENVELOPE = ['RECEIVED: 220 mx.example.net ESMTP', 'SENT: EHLO mail.mydomain.tld', 'RECEIVED: 250 mx.example.net', 'SENT: MAIL FROM:<alice@mydomain.tld>', 'RECEIVED: 250 Ok', 'SENT: RCPT TO:<bob@example.net>', 'RECEIVED: 250 Ok', 'SENT: DATA', 'RECEIVED: 354 go ahead'];

describe('applySmtpClientLine', () => {
  it('reads the reply to the end of DATA as the remote delivery', () => {
    const { s, sink } = run([...ENVELOPE, 'SENT: [nl].', 'RECEIVED: 250 2.0.0 Ok: queued as 4Vb1', 'SENT: QUIT', 'RECEIVED: 221 Bye']);
    expect(sink.events).toEqual([
      { kind: 'delivery-remote', account: 'alice@mydomain.tld', detail: 'remote server 192.0.2.25 accepted the message from alice@mydomain.tld to bob@example.net: 250 2.0.0 Ok: queued as 4Vb1' },
    ]);
    expect(s).toMatchObject({ helo: 'mail.mydomain.tld', mailFrom: 'alice@mydomain.tld', rcptTo: ['bob@example.net'], responses: [] });
  });

  it('takes a dot after several [nl] tokens as the end of DATA too', () => {
    const { sink } = run([...ENVELOPE, 'SENT: [nl][nl].', 'RECEIVED: 250 Ok']);
    expect(sink.events.map((e) => e.kind)).toEqual(['delivery-remote']);
  });

  it('reads a refusal after DATA as a failed delivery', () => {
    const { s, sink } = run([...ENVELOPE, 'SENT: .', 'RECEIVED: 554 5.7.1 Spam message rejected']);
    expect(sink.events).toEqual([
      { kind: 'delivery-failed', account: 'alice@mydomain.tld', detail: 'remote server 192.0.2.25 refused the message from alice@mydomain.tld to bob@example.net: 554 5.7.1 Spam message rejected' },
    ]);
    expect(s.responses).toEqual(['554 5.7.1 Spam message rejected']);
  });

  it('reads a refused recipient, taking it out of the list', () => {
    const { s, sink } = run(['SENT: MAIL FROM:<alice@mydomain.tld>', 'RECEIVED: 250 Ok', 'SENT: RCPT TO:<gone@example.net>', 'RECEIVED: 550 5.1.1 User unknown'], null);
    expect(sink.events).toEqual([
      { kind: 'delivery-failed', account: 'alice@mydomain.tld', detail: 'remote server ? refused RCPT TO:<gone@example.net> from alice@mydomain.tld: 550 5.1.1 User unknown' },
    ]);
    expect(s.rcptTo).toEqual([]);
    expect(s.responses).toEqual(['550 5.1.1 User unknown (RCPT TO:<gone@example.net>)']);
  });

  it('reports any other refusal as it was replied', () => {
    const { sink } = run(['RECEIVED: 421 4.7.0 Try again later']);
    expect(sink.events).toEqual([{ kind: 'delivery-failed', account: null, detail: 'remote server 192.0.2.25 replied 421 4.7.0 Try again later' }]);
  });

  it('ignores text that is not a reply code', () => {
    const { sink } = run(['RECEIVED: hello there', 'RECEIVED: 2500 not a code']);
    expect(sink.events).toEqual([]);
  });
});
