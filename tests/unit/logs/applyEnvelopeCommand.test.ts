/** HELO/EHLO, MAIL FROM (with SIZE=) and RCPT TO as both SMTP directions log them. */
import { describe, expect, it } from 'vitest';
import { applyEnvelopeCommand } from '../../../src/lib/logs/applyEnvelopeCommand.ts';
import { openSession } from '../../../src/lib/logs/sessionState.ts';
import { line } from './lineKit.ts';

const fresh = () => openSession(line('SMTPD', 'x'), 0);

describe('applyEnvelopeCommand', () => {
  it('records the first HELO or EHLO name only', () => {
    const s = fresh();
    expect(applyEnvelopeCommand(s, 'EHLO  mail.example.com ')).toBe(true);
    expect(applyEnvelopeCommand(s, 'helo other')).toBe(true);
    expect(s.helo).toBe('mail.example.com');
  });

  it('records the sender in angle brackets or bare, and adds the SIZE= parameter to the bytes', () => {
    const s = fresh();
    expect(applyEnvelopeCommand(s, 'MAIL FROM:<spam@external.example> SIZE=2048 BODY=8BITMIME')).toBe(true);
    expect(s.mailFrom).toBe('spam@external.example');
    expect(s.bytes).toBe(2048);
    const bare = fresh();
    applyEnvelopeCommand(bare, 'mail from: bob@example.com');
    expect(bare.mailFrom).toBe('bob@example.com');
    expect(bare.bytes).toBe(0);
  });

  it('records the null sender <> as an empty address', () => {
    const s = fresh();
    applyEnvelopeCommand(s, 'MAIL FROM:<>');
    expect(s.mailFrom).toBe('');
  });

  it('keeps the first sender of a session and sums the sizes of its messages', () => {
    const s = fresh();
    applyEnvelopeCommand(s, 'MAIL FROM:<a@example.com> SIZE=100');
    applyEnvelopeCommand(s, 'MAIL FROM:<b@example.com> SIZE=50');
    expect(s.mailFrom).toBe('a@example.com');
    expect(s.bytes).toBe(150);
  });

  it('adds each recipient and marks it as the one the next reply answers', () => {
    const s = fresh();
    expect(applyEnvelopeCommand(s, 'RCPT TO:<alice@mydomain.tld> NOTIFY=NEVER')).toBe(true);
    expect(applyEnvelopeCommand(s, 'rcpt to: bob@mydomain.tld')).toBe(true);
    expect(s.rcptTo).toEqual(['alice@mydomain.tld', 'bob@mydomain.tld']);
    expect(s.pendingRcpt).toEqual({ address: 'bob@mydomain.tld', index: 1 });
  });

  it('leaves any other command to the caller', () => {
    const s = fresh();
    expect(applyEnvelopeCommand(s, 'DATA')).toBe(false);
    expect(applyEnvelopeCommand(s, 'QUIT')).toBe(false);
    expect(applyEnvelopeCommand(s, 'MAIL')).toBe(false);
    expect(s).toMatchObject({ helo: null, mailFrom: null, rcptTo: [] });
  });
});
