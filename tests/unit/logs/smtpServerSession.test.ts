/** SMTPD lines of one session (hmailserver.md §4.3), fed in order to applySmtpServerLine. */
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../src/lib/model/logEvent.ts';
import { openSession, type SessionState } from '../../../src/lib/logs/sessionState.ts';
import { applySmtpServerLine } from '../../../src/lib/logs/smtpServerSession.ts';
import { line, recordingSink } from './lineKit.ts';

/** Runs the texts as one SMTPD session; returns the session and what the sink was told. */
function run(texts: string[]): { s: SessionState; sink: ReturnType<typeof recordingSink> } {
  const sink = recordingSink();
  const first: LogLine = line('SMTPD', texts[0]);
  const s = openSession(first, 0);
  for (const text of texts) applySmtpServerLine(s, line('SMTPD', text), sink);
  return { s, sink };
}

describe('applySmtpServerLine', () => {
  it('reads an AUTH LOGIN failure as in the reference sequence: decoded user, failed, 535 kept', () => {
    const { s, sink } = run([
      'RECEIVED: AUTH LOGIN',
      'SENT: 334 VXNlcm5hbWU6',
      'RECEIVED: YWRtaW5AZXhhbXBsZS5jb20=',
      'SENT: 334 UGFzc3dvcmQ6',
      'RECEIVED: ***',
      'SENT: 535 Authentication failed. Restarting authentication process.',
    ]);
    expect(sink.events).toEqual([
      { kind: 'logon-failed', account: 'admin@example.com', detail: 'SMTP AUTH LOGIN failed: 535 Authentication failed. Restarting authentication process.' },
    ]);
    expect([s.authUser, s.authResult]).toEqual(['admin@example.com', 'failed']);
    expect(s.responses).toEqual(['535 Authentication failed. Restarting authentication process.']);
    expect(sink.credentials).toEqual([]);
  });

  it('reports the ban with the failure that triggers it', () => {
    const { sink } = run(['RECEIVED: AUTH LOGIN YWRtaW5AZXhhbXBsZS5jb20=', 'SENT: 334 UGFzc3dvcmQ6', 'RECEIVED: ***', 'SENT: 535 Authentication failed. Too many invalid logon attempts.']);
    expect(sink.events.map((e) => [e.kind, e.account])).toEqual([['logon-failed', 'admin@example.com'], ['logon-banned', 'admin@example.com']]);
  });

  it('reads the 5.6.x one-line AUTH PLAIN: the logon, and its password as exposed', () => {
    // Base64 of NUL "alice@example.com" NUL "S3cret!".
    const { s, sink } = run(['RECEIVED: AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAFMzY3JldCE=', 'SENT: 235 authenticated.']);
    expect(sink.events.map((e) => [e.kind, e.account, e.detail])).toEqual([
      ['credential-in-log', 'alice@example.com', 'AUTH PLAIN: the password of alice@example.com was written to the log unmasked'],
      ['logon-ok', 'alice@example.com', 'SMTP AUTH PLAIN succeeded: 235 authenticated.'],
    ]);
    expect(sink.credentials.map((c) => c.secret)).toEqual(['S3cret!']);
    expect([s.authUser, s.authResult]).toEqual(['alice@example.com', 'ok']);
  });

  it('reads AUTH PLAIN with the credentials on the line after 334', () => {
    const { s } = run(['RECEIVED: AUTH PLAIN', 'SENT: 334 ', 'RECEIVED: bob@example.com ***', 'SENT: 235 authenticated.']);
    expect([s.mechanism, s.authUser, s.authResult]).toEqual(['AUTH PLAIN', 'bob@example.com', 'ok']);
  });

  it('names another mechanism without a user', () => {
    const { sink } = run(['RECEIVED: AUTH CRAM-MD5', 'SENT: 535 Authentication failed.']);
    expect(sink.events).toEqual([{ kind: 'logon-failed', account: null, detail: 'SMTP AUTH CRAM-MD5 failed: 535 Authentication failed.' }]);
  });

  it('reports a relay denial with the refused recipient, and keeps only the accepted recipients', () => {
    const { s, sink } = run([
      'RECEIVED: HELO relay-tester',
      'RECEIVED: MAIL FROM:<spam@external.example> SIZE=2048',
      'SENT: 250 OK',
      'RECEIVED: RCPT TO:<alice@mydomain.tld>',
      'SENT: 250 OK',
      'RECEIVED: RCPT TO:<victim@external.example>',
      'SENT: 550 Delivery is not allowed to this address.',
    ]);
    expect(sink.events).toEqual([
      { kind: 'relay-denied', account: null, detail: 'RCPT TO:<victim@external.example> from spam@external.example refused: 550 Delivery is not allowed to this address.' },
    ]);
    expect(s.rcptTo).toEqual(['alice@mydomain.tld']);
    expect(s.responses).toEqual(['550 Delivery is not allowed to this address. (RCPT TO:<victim@external.example>)']);
    expect([s.helo, s.bytes]).toEqual(['relay-tester', 2048]);
  });

  it('keeps a recipient refused for another reason out of the list without calling it relaying', () => {
    const { s, sink } = run(['RECEIVED: MAIL FROM:<a@b.example>', 'RECEIVED: RCPT TO:<nobody@mydomain.tld>', 'SENT: 550 Unknown user']);
    expect(sink.events).toEqual([]);
    expect(s.rcptTo).toEqual([]);
    expect(s.responses).toEqual(['550 Unknown user (RCPT TO:<nobody@mydomain.tld>)']);
  });

  it('reports the accepted message with the authenticated account that sent it', () => {
    const { sink } = run([
      'RECEIVED: AUTH LOGIN',
      'SENT: 334 VXNlcm5hbWU6',
      'RECEIVED: YWxpY2VAZXhhbXBsZS5jb20=',
      'SENT: 334 UGFzc3dvcmQ6',
      'RECEIVED: ***',
      'SENT: 235 authenticated.',
      'RECEIVED: MAIL FROM:<alice@example.com>',
      'RECEIVED: RCPT TO:<x@external.example>',
      'SENT: 250 OK',
      'RECEIVED: DATA',
      'SENT: 354 OK, send.',
      'SENT: 250 Queued (0.015 seconds)',
    ]);
    expect(sink.events.map((e) => [e.kind, e.account])).toEqual([['logon-ok', 'alice@example.com'], ['message-accepted', 'alice@example.com']]);
    expect(sink.events[1].detail).toBe('message from alice@example.com to x@external.example accepted: 250 Queued (0.015 seconds)');
  });

  it('gives an unauthenticated accepted message no account', () => {
    const { sink } = run(['RECEIVED: MAIL FROM:<a@b.example>', 'RECEIVED: RCPT TO:<c@mydomain.tld>', 'SENT: 250 OK', 'RECEIVED: DATA', 'SENT: 250 Queued (0.001 seconds)']);
    expect(sink.events).toEqual([{ kind: 'message-accepted', account: null, detail: 'message from a@b.example to c@mydomain.tld accepted: 250 Queued (0.001 seconds)' }]);
  });

  it('does not credit a message to the user of a failed logon before it', () => {
    const { sink } = run([
      'RECEIVED: AUTH LOGIN YWRtaW5AZXhhbXBsZS5jb20=',
      'SENT: 334 UGFzc3dvcmQ6',
      'RECEIVED: ***',
      'SENT: 535 Authentication failed. Restarting authentication process.',
      'RECEIVED: MAIL FROM:<a@b.example>',
      'RECEIVED: RCPT TO:<c@mydomain.tld>',
      'SENT: 250 OK',
      'RECEIVED: DATA',
      'SENT: 250 Queued (0.001 seconds)',
    ]);
    expect(sink.events.map((e) => [e.kind, e.account])).toEqual([['logon-failed', 'admin@example.com'], ['message-accepted', null]]);
  });

  it('ignores lines that are neither SENT nor RECEIVED', () => {
    const { s, sink } = run(['TCP connection started', 'RECEIVED: EHLO x']);
    expect(sink.events).toEqual([]);
    expect(s.helo).toBe('x');
  });
});
