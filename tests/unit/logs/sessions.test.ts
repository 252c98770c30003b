/** Session rebuilding and event extraction (hmailserver.md §4.3–4.4) on interleaved, real-format lines. */
import { describe, expect, it } from 'vitest';
import type { LogData, LogEvent } from '../../../src/lib/model/logEvent.ts';
import { crlf, fixtureBytes, LOG, parseLogs, protocolLine as p, threadLine as t } from './logText.ts';

const T0 = '2024-05-12 10:00:00.000';

function kinds(data: LogData): [string, string | null, string | null][] {
  return data.events.map((e: LogEvent) => [e.kind, e.account, e.ip]);
}

describe('interleaved sessions (interleaved-sessions.log)', () => {
  it('rebuilds each session from its own lines', async () => {
    const data = await parseLogs({ [LOG]: fixtureBytes('interleaved-sessions.log') });
    expect(data.sessions).toEqual([
      {
        key: `${LOG}#0#SMTPD#87`, file: LOG, protocol: 'SMTPD', session: 87, ip: '203.0.113.9',
        start: '2024-05-06 03:12:01.000', end: '2024-05-06 03:12:02.000', helo: 'attacker',
        authUser: 'root@example.com', authResult: 'failed', mailFrom: null, rcptTo: [],
        responses: ['535 Authentication failed. Restarting authentication process.', '535 Authentication failed. Too many invalid logon attempts.'],
        bytes: 0, lineCount: 12, firstLine: 2, lastLine: 29,
      },
      {
        key: `${LOG}#0#SMTPD#90`, file: LOG, protocol: 'SMTPD', session: 90, ip: '198.51.100.7',
        start: '2024-05-06 03:12:01.002', end: '2024-05-06 03:12:01.500', helo: 'relay-tester',
        authUser: null, authResult: null, mailFrom: 'spam@external.example', rcptTo: ['alice@mydomain.tld'],
        responses: ['550 Delivery is not allowed to this address. (RCPT TO:<victim@external.example>)'],
        bytes: 2048, lineCount: 11, firstLine: 4, lastLine: 28,
      },
      {
        key: `${LOG}#0#IMAPD#91`, file: LOG, protocol: 'IMAPD', session: 91, ip: '192.168.1.30',
        start: '2024-05-06 03:12:01.200', end: '2024-05-06 03:12:01.320', helo: null,
        authUser: 'carol@mydomain.tld', authResult: 'ok', mailFrom: null, rcptTo: [],
        responses: ['a1 NO Invalid user name or password.'],
        bytes: 0, lineCount: 4, firstLine: 15, lastLine: 24,
      },
    ]);
  });

  it('extracts connections, logons (decoded AUTH LOGIN users), the ban, the relay denial and the accepted message', async () => {
    const data = await parseLogs({ [LOG]: fixtureBytes('interleaved-sessions.log') });
    expect(kinds(data)).toEqual([
      ['connection', null, '203.0.113.9'],
      ['connection', null, '198.51.100.7'],
      ['relay-denied', null, '198.51.100.7'],
      ['logon-failed', 'carol@mydomain.tld', '192.168.1.30'],
      ['logon-failed', 'admin@example.com', '203.0.113.9'],
      ['logon-ok', 'carol@mydomain.tld', '192.168.1.30'],
      ['message-accepted', null, '198.51.100.7'],
      ['logon-banned', 'root@example.com', '203.0.113.9'],
      ['logon-failed', 'root@example.com', '203.0.113.9'],
    ]);
    const relay = data.events.find((e) => e.kind === 'relay-denied')!;
    expect(relay).toMatchObject({ lineNo: 14, session: 90, protocol: 'SMTPD', detail: 'RCPT TO:<victim@external.example> from spam@external.example refused: 550 Delivery is not allowed to this address.' });
    expect(data.events.find((e) => e.kind === 'message-accepted')!.detail).toBe('message from spam@external.example to alice@mydomain.tld accepted: 250 Queued (0.100 seconds)');
    expect(data.credentials).toEqual([]);
  });
});

describe('credentials in SMTP AUTH', () => {
  const ip = '192.0.2.77';

  it('decodes a 5.6.x one-line AUTH PLAIN blob: user, and the exposed password kept only in credentials', async () => {
    const data = await parseLogs({
      [LOG]: crlf([
        p('SMTPD', 416, '2024-05-12 13:14:00.000', ip, 'RECEIVED: AUTH PLAIN AGRhdmVAZmFicmlrYW0uZXhhbXBsZQBTM2N1cmUhUGFzc3BocmFzZSMyMDI0'),
        p('SMTPD', 416, '2024-05-12 13:14:00.000', ip, 'SENT: 235 authenticated.'),
      ]),
    });
    expect(data.credentials).toEqual([
      { file: LOG, lineNo: 1, localTime: '2024-05-12 13:14:00.000', ip, account: 'dave@fabrikam.example', mechanism: 'AUTH PLAIN', secret: 'S3cure!Passphrase#2024' },
    ]);
    expect(kinds(data)).toEqual([['credential-in-log', 'dave@fabrikam.example', ip], ['logon-ok', 'dave@fabrikam.example', ip]]);
    expect(JSON.stringify(data.events)).not.toContain('S3cure');
    expect(data.sessions[0]).toMatchObject({ authUser: 'dave@fabrikam.example', authResult: 'ok' });
  });

  it('reads the altered blob of hmailserver issue #436 (NULs replaced by U+FFFD)', async () => {
    const data = await parseLogs({
      [LOG]: crlf([
        p('SMTPD', 2564, '2022-07-03 19:46:05.173', '127.0.0.1', 'RECEIVED: AUTH PLAIN 77+9dXNlcm5hbWVAZG9tYWluLmNvbe+/vVBAc3N3b3Jk'),
        p('SMTPD', 2564, '2022-07-03 19:46:05.177', '127.0.0.1', 'SENT: 235 authenticated.'),
      ]),
    });
    expect(data.credentials.map((c) => [c.account, c.secret])).toEqual([['username@domain.com', 'P@ssword']]);
  });

  it('takes the blob sent after 334 (two-line AUTH PLAIN) the same way', async () => {
    const data = await parseLogs({
      [LOG]: crlf([
        p('SMTPD', 1, T0, ip, 'RECEIVED: AUTH PLAIN'),
        p('SMTPD', 1, T0, ip, 'SENT: 334 '),
        p('SMTPD', 1, T0, ip, 'RECEIVED: AGRhdmVAZmFicmlrYW0uZXhhbXBsZQBTM2N1cmUhUGFzc3BocmFzZSMyMDI0'),
        p('SMTPD', 1, T0, ip, 'SENT: 535 Authentication failed. Restarting authentication process.'),
      ]),
    });
    expect(data.credentials.map((c) => [c.lineNo, c.account])).toEqual([[3, 'dave@fabrikam.example']]);
    expect(kinds(data)).toEqual([['credential-in-log', 'dave@fabrikam.example', ip], ['logon-failed', 'dave@fabrikam.example', ip]]);
  });

  it('finds no credential in masked forms: `***`, master\'s `<base64 user> ***`, AUTH LOGIN', async () => {
    const data = await parseLogs({
      [LOG]: crlf([
        p('SMTPD', 1, T0, ip, 'RECEIVED: AUTH PLAIN ***'),
        p('SMTPD', 1, T0, ip, 'SENT: 535 Authentication failed. Restarting authentication process.'),
        p('SMTPD', 2, T0, ip, 'RECEIVED: AUTH PLAIN ZGF2ZUBmYWJyaWthbS5leGFtcGxl ***'),
        p('SMTPD', 2, T0, ip, 'SENT: 235 authenticated.'),
        p('SMTPD', 3, T0, ip, 'RECEIVED: AUTH LOGIN'),
        p('SMTPD', 3, T0, ip, 'SENT: 334 VXNlcm5hbWU6'),
        p('SMTPD', 3, T0, ip, 'RECEIVED: Ym9iQG5vcnRod2luZC5leGFtcGxl'),
        p('SMTPD', 3, T0, ip, 'SENT: 334 UGFzc3dvcmQ6'),
        p('SMTPD', 3, T0, ip, 'RECEIVED: ***'),
        p('SMTPD', 3, T0, ip, 'SENT: 235 authenticated.'),
      ]),
    });
    expect(data.credentials).toEqual([]);
    expect(kinds(data)).toEqual([['logon-failed', null, ip], ['logon-ok', 'dave@fabrikam.example', ip], ['logon-ok', 'bob@northwind.example', ip]]);
  });
});

describe('POP3 and IMAP logons', () => {
  it('POP3: USER / PASS *** / -ERR, +OK, and the ban reply', async () => {
    const ip = '192.168.1.20';
    const data = await parseLogs({
      [LOG]: crlf([
        p('POP3D', 101, '2024-05-06 10:00:00.001', ip, 'SENT: +OK POP3'),
        p('POP3D', 101, '2024-05-06 10:00:00.050', ip, 'RECEIVED: USER bob@mydomain.tld'),
        p('POP3D', 101, '2024-05-06 10:00:00.051', ip, 'SENT: +OK Send your password'),
        p('POP3D', 101, '2024-05-06 10:00:00.090', ip, 'RECEIVED: PASS ***'),
        p('POP3D', 101, '2024-05-06 10:00:00.120', ip, 'SENT: -ERR Invalid user name or password.'),
        p('POP3D', 101, '2024-05-06 10:00:01.050', ip, 'RECEIVED: USER bob@mydomain.tld'),
        p('POP3D', 101, '2024-05-06 10:00:01.051', ip, 'SENT: +OK Send your password'),
        p('POP3D', 101, '2024-05-06 10:00:01.090', ip, 'RECEIVED: PASS ***'),
        p('POP3D', 101, '2024-05-06 10:00:01.120', ip, 'SENT: +OK Mailbox locked and ready'),
        p('POP3D', 102, '2024-05-06 10:00:02.050', ip, 'RECEIVED: USER admin'),
        p('POP3D', 102, '2024-05-06 10:00:02.090', ip, 'RECEIVED: PASS ***'),
        p('POP3D', 102, '2024-05-06 10:00:02.120', ip, 'SENT: -ERR Invalid user name or password. Too many invalid logon attempts.'),
      ]),
    });
    expect(kinds(data)).toEqual([
      ['logon-failed', 'bob@mydomain.tld', ip],
      ['logon-ok', 'bob@mydomain.tld', ip],
      ['logon-banned', 'admin', ip],
      ['logon-failed', 'admin', ip],
    ]);
    expect(data.sessions.map((s) => [s.session, s.authUser, s.authResult])).toEqual([[101, 'bob@mydomain.tld', 'ok'], [102, 'admin', 'failed']]);
  });

  it('IMAP: the untagged ban reply is a failure and a ban', async () => {
    const ip = '203.0.113.50';
    const data = await parseLogs({
      [LOG]: crlf([
        p('IMAPD', 7, T0, ip, 'RECEIVED: a1 LOGIN "ceo@mydomain.tld" ***'),
        p('IMAPD', 7, T0, ip, 'SENT: * Too many invalid logon attempts.[nl]a1 BAD Goodbye'),
      ]),
    });
    expect(kinds(data)).toEqual([['logon-banned', 'ceo@mydomain.tld', ip], ['logon-failed', 'ceo@mydomain.tld', ip]]);
  });
});

describe('deliveries, server events and service restarts', () => {
  it('SMTPC: the reply to the end of DATA is the delivery result; a refused RCPT is a failed delivery', async () => {
    const data = await parseLogs({ [LOG]: fixtureBytes('every-line-type.log') });
    const remote = data.events.find((e) => e.kind === 'delivery-remote' && e.protocol === 'SMTPC')!;
    expect(remote).toMatchObject({ account: 'alice@mydomain.tld', ip: '192.0.2.25', detail: 'remote server 192.0.2.25 accepted the message from alice@mydomain.tld to bob@example.net: 250 2.0.0 Ok: queued as 4Vb1' });
    const smtpc = data.sessions.find((s) => s.protocol === 'SMTPC')!;
    expect([smtpc.helo, smtpc.mailFrom, smtpc.rcptTo]).toEqual(['mail.mydomain.tld', 'alice@mydomain.tld', ['bob@example.net']]);

    const refused = await parseLogs({
      [LOG]: crlf([
        p('SMTPC', 9, T0, '192.0.2.25', 'SENT: MAIL FROM:<alice@mydomain.tld>'),
        p('SMTPC', 9, T0, '192.0.2.25', 'SENT: RCPT TO:<nobody@example.net>'),
        p('SMTPC', 9, T0, '192.0.2.25', 'RECEIVED: 550 5.1.1 User unknown'),
      ]),
    });
    expect(kinds(refused)).toEqual([['delivery-failed', 'alice@mydomain.tld', '192.0.2.25']]);
    expect(refused.sessions[0].rcptTo).toEqual([]);
  });

  it('every-line-type.log: server start, connection, blocked IP, error, deliveries', async () => {
    const data = await parseLogs({ [LOG]: fixtureBytes('every-line-type.log') });
    const counts = Object.fromEntries([...new Set(data.events.map((e) => e.kind))].map((k) => [k, data.events.filter((e) => e.kind === k).length]));
    expect(counts).toEqual({
      'logon-ok': 2, 'credential-in-log': 1, 'logon-failed': 1, 'delivery-local': 2, 'server-start': 1, 'delivery-remote': 1, 'ip-blocked': 1, error: 1, connection: 1,
    });
    expect(data.events.find((e) => e.kind === 'ip-blocked')!.ip).toBe('203.0.113.9');
    expect(data.events.find((e) => e.kind === 'connection')!.detail).toBe('connection from 10.10.14.78 to 10.129.232.39:25');
  });

  it('tells local from remote APPLICATION deliveries by the server\'s domains', async () => {
    const line = t('APPLICATION', '2024-05-06 09:00:00.000', 'SMTPDeliverer - Message 12: Delivering message from alice@mydomain.tld to bob@mydomain.tld, x@gmail.example. File: C:\\hMailServer\\Data\\{AB}.eml');
    const known = await parseLogs({ [LOG]: crlf([line]) }, undefined, { localDomains: ['MyDomain.tld'] });
    expect(kinds(known)).toEqual([['delivery-local', 'bob@mydomain.tld', null], ['delivery-remote', 'alice@mydomain.tld', null]]);
    expect(known.events[1].detail).toBe('message 12 from alice@mydomain.tld to x@gmail.example (remote); queue file C:\\hMailServer\\Data\\{AB}.eml');
    const unknown = await parseLogs({ [LOG]: crlf([line]) });
    expect(unknown.events.map((e) => e.kind)).toEqual(['delivery-local', 'delivery-local']);
    expect(unknown.events[1].detail).toContain('assumed local: no local domain known');
  });

  it('AWStats: 127.0.0.1 is a local delivery, a host a remote one, 530 a relay denial', async () => {
    const data = await parseLogs({ 'Logs/hmailserver_awstats.log': fixtureBytes('awstats-deliveries.log') });
    expect(kinds(data)).toEqual([
      ['delivery-local', 'bob@mydomain.tld', '192.168.1.20'],
      ['delivery-remote', 'alice@mydomain.tld', '192.168.1.20'],
      ['delivery-failed', null, '198.51.100.7'],
      ['relay-denied', null, '198.51.100.7'],
    ]);
  });

  it('starts a new run at "Starting servers...": session ids restart without merging sessions', async () => {
    const ip = '1.2.3.4';
    const data = await parseLogs({
      [LOG]: crlf([
        t('APPLICATION', '2024-05-06 08:00:00.000', 'Starting servers...'),
        t('APPLICATION', '2024-05-06 08:00:00.100', 'Servers started.'),
        p('SMTPD', 1, '2024-05-06 08:01:00.000', ip, 'RECEIVED: HELO first'),
        t('APPLICATION', '2024-05-06 09:00:00.000', 'Starting servers...'),
        p('SMTPD', 1, '2024-05-06 09:01:00.000', ip, 'RECEIVED: HELO second'),
      ]),
    });
    expect(data.sessions.map((s) => [s.key, s.helo])).toEqual([[`${LOG}#1#SMTPD#1`, 'first'], [`${LOG}#2#SMTPD#1`, 'second']]);
    expect(data.events.filter((e) => e.kind === 'server-start').map((e) => e.lineNo)).toEqual([1, 4]);
  });

  it('keeps one error event when the ERROR line is in both the error log and the main log', async () => {
    const line = t('ERROR', '2024-05-06 09:10:00.000', 'Severity: 3 (Medium), Code: HM5026, Source: X, Description: Y');
    const data = await parseLogs({ 'Logs/ERROR_hmailserver_2024-05-06.log': crlf([line]), [LOG]: crlf([line]) });
    expect(data.events.map((e) => [e.kind, e.file])).toEqual([['error', 'Logs/ERROR_hmailserver_2024-05-06.log']]);
  });
});
