/** A session rebuilt from its lines: its key, what each line updates, the caps, and what a logon result records. */
import { describe, expect, it } from 'vitest';
import { MAX_RCPT_PER_SESSION, MAX_RESPONSES_PER_SESSION } from '../../../src/lib/logs/logLimits.ts';
import {
  addRecipient,
  closeSession,
  noteResponse,
  openSession,
  recordLogon,
  refuseRecipient,
  sessionKey,
  touchSession,
} from '../../../src/lib/logs/sessionState.ts';
import { FILE, line } from './lineKit.ts';

describe('sessionKey', () => {
  it('joins file, service run, protocol and session id', () => {
    expect(sessionKey('a.log', 2, 'SMTPD', 87)).toBe('a.log#2#SMTPD#87');
  });
});

describe('openSession and touchSession', () => {
  it('opens a session at its first line and moves its end and last line with each later one', () => {
    const s = openSession(line('SMTPD', 'SENT: 220 hello', { lineNo: 40, session: 87, localTime: '2024-05-06 10:00:00.100', ip: null }), 1);
    expect(s).toMatchObject({ key: `${FILE}#1#SMTPD#87`, protocol: 'SMTPD', session: 87, start: '2024-05-06 10:00:00.100', firstLine: 40, lineCount: 0, ip: null });
    touchSession(s, line('SMTPD', 'RECEIVED: EHLO x', { lineNo: 44, localTime: '2024-05-06 10:00:02.000', ip: '198.51.100.7' }));
    // A line of another thread written a moment earlier does not move the end back.
    touchSession(s, line('SMTPD', 'SENT: 250 ok', { lineNo: 45, localTime: '2024-05-06 10:00:01.000', ip: '192.0.2.1' }));
    expect(s).toMatchObject({ end: '2024-05-06 10:00:02.000', lastLine: 45, lineCount: 2, ip: '198.51.100.7' });
  });

  it('gives a line without a session id session 0', () => {
    expect(openSession(line('SMTPD', 'x', { session: null }), 0).key).toBe(`${FILE}#0#SMTPD#0`);
  });
});

describe('recipients', () => {
  it('takes a refused recipient back out of the list', () => {
    const s = openSession(line('SMTPD', 'x'), 0);
    addRecipient(s, 'a@example.com');
    addRecipient(s, 'b@example.com');
    refuseRecipient(s);
    expect(s.rcptTo).toEqual(['a@example.com']);
    expect(s.pendingRcpt).toBeNull();
    refuseRecipient(s);
    expect(s.rcptTo).toEqual(['a@example.com']);
  });

  it(`keeps ${MAX_RCPT_PER_SESSION} recipients and still knows the one a reply answers beyond that`, () => {
    const s = openSession(line('SMTPD', 'x'), 0);
    for (let i = 0; i < MAX_RCPT_PER_SESSION + 2; i++) addRecipient(s, `r${i}@example.com`);
    expect(s.rcptTo).toHaveLength(MAX_RCPT_PER_SESSION);
    expect(s.pendingRcpt).toEqual({ address: `r${MAX_RCPT_PER_SESSION + 1}@example.com`, index: -1 });
    refuseRecipient(s);
    expect(s.rcptTo).toHaveLength(MAX_RCPT_PER_SESSION);
    expect(s.rcptTo[MAX_RCPT_PER_SESSION - 1]).toBe(`r${MAX_RCPT_PER_SESSION - 1}@example.com`);
  });
});

describe('noteResponse', () => {
  it(`keeps the first ${MAX_RESPONSES_PER_SESSION} responses`, () => {
    const s = openSession(line('SMTPD', 'x'), 0);
    for (let i = 0; i < MAX_RESPONSES_PER_SESSION + 5; i++) noteResponse(s, `535 try ${i}`);
    expect(s.responses).toHaveLength(MAX_RESPONSES_PER_SESSION);
    expect(s.responses.at(-1)).toBe(`535 try ${MAX_RESPONSES_PER_SESSION - 1}`);
  });
});

describe('recordLogon', () => {
  it('records the user of a failed logon and then of the success that follows', () => {
    const s = openSession(line('SMTPD', 'x'), 0);
    s.pendingUser = 'root@example.com';
    recordLogon(s, false);
    expect([s.authResult, s.authUser]).toEqual(['failed', 'root@example.com']);
    s.pendingUser = 'alice@example.com';
    recordLogon(s, true);
    expect([s.authResult, s.authUser]).toEqual(['ok', 'alice@example.com']);
  });

  it('keeps a success and its user when a later logon in the session fails', () => {
    const s = openSession(line('SMTPD', 'x'), 0);
    s.pendingUser = 'alice@example.com';
    recordLogon(s, true);
    s.pendingUser = 'bob@example.com';
    recordLogon(s, false);
    expect([s.authResult, s.authUser]).toEqual(['ok', 'alice@example.com']);
  });
});

describe('closeSession', () => {
  it('gives the session fields and none of the working state', () => {
    const s = openSession(line('IMAPD', 'x', { lineNo: 3, session: 5 }), 0);
    s.tag = 'a1';
    s.expect = 'logon-result';
    const closed = closeSession(s);
    expect(Object.keys(closed).sort()).toEqual(
      ['authResult', 'authUser', 'bytes', 'end', 'file', 'firstLine', 'helo', 'ip', 'key', 'lastLine', 'lineCount', 'mailFrom', 'protocol', 'rcptTo', 'responses', 'session', 'start'],
    );
    expect(closed.key).toBe(`${FILE}#0#IMAPD#5`);
  });
});
