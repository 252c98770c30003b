/**
 * Local or remote, per recipient of an APPLICATION "Delivering message" line: the server's domains, the domains the
 * logs prove local (logons, local deliveries) and those outbound SMTPC sessions prove remote.
 */
import { describe, expect, it } from 'vitest';
import { classifyDeliveries } from '../../../src/lib/logs/classifyDeliveries.ts';
import type { PendingDelivery } from '../../../src/lib/logs/logSink.ts';
import type { LogEvent, LogSession } from '../../../src/lib/model/logEvent.ts';
import { FILE, line } from './lineKit.ts';

function pending(sender: string, recipients: string[]): PendingDelivery {
  return { line: line('APPLICATION', 'Delivering …', { lineNo: 40, localTime: '2024-05-06 09:00:01.000', session: null }), messageId: '12', sender, recipients, messageFile: 'C:\\Data\\{A}.eml' };
}

function event(kind: LogEvent['kind'], account: string): LogEvent {
  return { kind, localTime: '2024-05-06 08:00:00.000', file: FILE, lineNo: 1, protocol: 'SMTPD', session: 1, ip: null, account, detail: '' };
}

function smtpc(rcptTo: string[]): LogSession {
  return {
    key: 'k', file: FILE, protocol: 'SMTPC', session: 3, ip: '192.0.2.25', start: '', end: '', helo: null, authUser: null, authResult: null,
    mailFrom: null, rcptTo, responses: [], bytes: 0, lineCount: 0, firstLine: 0, lastLine: 0,
  };
}

const summary = (events: LogEvent[]) => events.map((e) => [e.kind, e.account, e.detail]);

describe('classifyDeliveries', () => {
  it("calls a recipient in one of the server's domains local and any other remote, one event per recipient", () => {
    const out = classifyDeliveries([pending('alice@MyDomain.tld', ['bob@mydomain.tld', 'x@example.net'])], [], [], ['MYDOMAIN.tld']);
    expect(summary(out)).toEqual([
      ['delivery-local', 'bob@mydomain.tld', 'message 12 from alice@MyDomain.tld to bob@mydomain.tld (local); queue file C:\\Data\\{A}.eml'],
      ['delivery-remote', 'alice@MyDomain.tld', 'message 12 from alice@MyDomain.tld to x@example.net (remote); queue file C:\\Data\\{A}.eml'],
    ]);
    expect(out[0]).toMatchObject({ localTime: '2024-05-06 09:00:01.000', file: FILE, lineNo: 40, protocol: 'APPLICATION', session: null, ip: null });
  });

  it('learns local domains from logons and local deliveries in the logs', () => {
    const out = classifyDeliveries(
      [pending('a@ext.example', ['carol@corp.example', 'dave@other.example', 'y@far.example'])],
      [event('logon-ok', 'carol@Corp.example'), event('delivery-local', 'dave@other.example'), event('logon-failed', 'y@far.example')],
      [],
      [],
    );
    expect(out.map((e) => e.kind)).toEqual(['delivery-local', 'delivery-local', 'delivery-remote']);
  });

  it('with no local domain known, assumes local unless an outbound SMTPC session proves the domain remote', () => {
    const out = classifyDeliveries([pending('a@b.example', ['u@unknown.example', 'v@sent-out.example'])], [], [smtpc(['w@sent-out.example'])], []);
    expect(summary(out)).toEqual([
      ['delivery-local', 'u@unknown.example', 'message 12 from a@b.example to u@unknown.example (assumed local: no local domain known); queue file C:\\Data\\{A}.eml'],
      ['delivery-remote', 'a@b.example', 'message 12 from a@b.example to v@sent-out.example (remote); queue file C:\\Data\\{A}.eml'],
    ]);
  });

  it('gives a remote delivery from the null sender <Empty> no account', () => {
    const out = classifyDeliveries([pending('<Empty>', ['x@example.net'])], [], [], ['mydomain.tld']);
    expect(out.map((e) => [e.kind, e.account])).toEqual([['delivery-remote', null]]);
  });

  it('does not let an SMTPC recipient in a local domain make that domain remote', () => {
    const out = classifyDeliveries([pending('a@b.example', ['bob@mydomain.tld'])], [], [smtpc(['bob@mydomain.tld'])], ['mydomain.tld']);
    expect(out.map((e) => e.kind)).toEqual(['delivery-local']);
  });
});
