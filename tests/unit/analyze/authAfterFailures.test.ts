/** auth-after-failures: a success after failed logons from the same IP, with what the logs show sent afterwards. */
import { describe, expect, it } from 'vitest';
import { authAfterFailures } from '../../../src/lib/analyze/authAfterFailures.ts';
import { at, crlf, LOG, parseLogs, protocolLine as p, smtpAuthLogin } from '../logs/logText.ts';
import { buildCase, database, emptyLogs, logEvent, OPTIONS, session } from './caseBuilder.ts';

const IP = '203.0.113.9';
const BOB = 'bob@northwind.example';

async function run(lines: string[], options = OPTIONS) {
  const caseData = buildCase({ database: database(), logs: await parseLogs({ [LOG]: crlf(lines) }) });
  return authAfterFailures.run(caseData, options);
}

function failures(n: number, user = BOB, ip = IP, startSecond = 0, day = 12): string[] {
  return Array.from({ length: n }, (_, i) => smtpAuthLogin(100 + startSecond + i, at(startSecond + i * 9, day), ip, user, false)).flat();
}

function send(session: number, second: number, from: string, to: string[], ip = IP): string[] {
  return [
    p('SMTPD', session, at(second), ip, `RECEIVED: MAIL FROM:<${from}>`),
    ...to.flatMap((r) => [p('SMTPD', session, at(second), ip, `RECEIVED: RCPT TO:<${r}>`), p('SMTPD', session, at(second), ip, 'SENT: 250 OK')]),
  ];
}

describe('authAfterFailures', () => {
  it('reports the account and IP of a success after failures, and the mail sent from there afterwards', async () => {
    const findings = await run([
      ...failures(11),
      ...smtpAuthLogin(400, at(200), IP, BOB, true),
      ...send(401, 300, 'promo@cheap-pills.example', ['target0@gmail.example', 'alice@northwind.example']),
      ...send(402, 360, 'promo@cheap-pills.example', ['target1@gmail.example']),
      ...send(403, 400, 'someone@northwind.example', ['x@elsewhere.example'], '192.0.2.200'),
    ]);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ type: 'auth-after-failures', severity: 'high', ref: { account: BOB, ip: IP } });
    expect(f.summary).toBe(
      `${BOB} logged on over SMTPD from ${IP} at 2024-05-12 10:03:20.000 (server time) after 11 failed logons from that address, a likely password compromise; afterwards the logs show 2 SMTP sessions sending to 3 recipients (2 external).`,
    );
    expect(f.details).toMatchObject({
      failuresBefore: 11,
      failuresForThisAccount: 11,
      otherAccountsTried: [],
      firstFailureLocal: at(0),
      successLocal: at(200),
      successUtc: '2024-05-12T08:03:20.000Z',
      protocol: 'SMTPD',
      successLine: { file: LOG, lineNo: 96 },
    });
    expect(f.details.activityAfter).toMatchObject({
      smtpSessions: 2,
      senders: ['promo@cheap-pills.example'],
      recipients: 3,
      externalRecipients: 2,
      externalRecipientDomains: ['gmail.example'],
    });
    expect((f.details.activityAfter as { sessions: { basis: string }[] }).sessions.map((s) => s.basis)).toEqual([
      'same IP, no other logon in the session',
      'same IP, no other logon in the session',
    ]);
  });

  it('counts failures for other accounts from the same IP (spraying that hit)', async () => {
    const [f] = await run([...failures(2, 'alice@northwind.example'), ...failures(2, 'carol@northwind.example', IP, 30), ...smtpAuthLogin(400, at(200), IP, BOB, true)]);
    expect(f.details).toMatchObject({ failuresBefore: 4, failuresForThisAccount: 0, otherAccountsTried: ['alice@northwind.example', 'carol@northwind.example'] });
  });

  it('reports nothing for a user who mistyped twice, nor for a success from another IP', async () => {
    expect(await run([...failures(2), ...smtpAuthLogin(400, at(200), IP, BOB, true)])).toEqual([]);
    expect(await run([...failures(11), ...smtpAuthLogin(400, at(200), '192.0.2.50', BOB, true)])).toEqual([]);
  });

  it('reports nothing when the success came first, or the failures were more than a day earlier', async () => {
    expect(await run([...smtpAuthLogin(400, at(0), IP, BOB, true), ...failures(11, BOB, IP, 60)])).toEqual([]);
    expect(await run([...failures(11, BOB, IP, 0, 10), ...smtpAuthLogin(400, at(200), IP, BOB, true)])).toEqual([]);
  });

  it('does not count failures again for a second success', async () => {
    const [f, ...rest] = await run([...failures(5), ...smtpAuthLogin(400, at(200), IP, BOB, true), ...smtpAuthLogin(401, at(300), IP, BOB, true)]);
    expect(rest).toEqual([]);
    expect(f.details.laterSuccessesAfterFailures).toBe(0);
  });

  it('takes as the intruder\'s only later SMTP sessions that sent, authenticated as the account or unauthenticated from the IP', () => {
    const t = (minute: number) => `2024-05-12 10:${String(minute).padStart(2, '0')}:00.000`;
    const other = '198.51.100.7';
    const s = (n: number, minute: number, p: Parameters<typeof session>[0]) => session({ key: `log#${p?.protocol ?? 'SMTPD'}#${n}`, session: n, start: t(minute), ...p });
    const sessions = [
      s(7, 20, { ip: IP, authUser: 'carol@northwind.example', authResult: 'ok', mailFrom: 'c@x.example', rcptTo: ['c@gmail.example'] }),
      s(2, 12, { ip: IP, mailFrom: null, rcptTo: ['ext@gmail.example'] }),
      s(1, 11, { ip: other, authUser: 'BOB@northwind.example', authResult: 'ok', mailFrom: 'b@x.example', rcptTo: ['Ext@Gmail.example', 'alice@northwind.example'] }),
      s(3, 4, { ip: IP, mailFrom: 'early@x.example', rcptTo: ['early@gmail.example'] }),
      s(4, 13, { ip: IP, protocol: 'POP3D', mailFrom: 'pop@x.example', rcptTo: ['pop@gmail.example'] }),
      s(5, 14, { ip: IP }),
      s(6, 15, { ip: other, authUser: 'dave@northwind.example', authResult: 'ok', mailFrom: 'd@x.example', rcptTo: ['d@gmail.example'] }),
    ];
    const logon = (minute: number, protocol: string, account: string, kind: 'logon-ok' | 'logon-failed' = 'logon-ok', ip = other) =>
      logEvent({ kind, localTime: t(minute), protocol, account, ip, lineNo: 500 + minute });
    const events = [
      logon(16, 'IMAPD', BOB),
      logon(17, 'POP3D', 'Bob@northwind.example'),
      logon(3, 'IMAPD', BOB),
      logon(18, 'SMTPD', BOB),
      logon(19, 'IMAPD', BOB, 'logon-failed'),
      logon(21, 'IMAPD', 'dave@northwind.example', 'logon-ok', '192.0.2.50'),
      logon(10, 'SMTPD', 'alice@northwind.example', 'logon-ok', other),
      ...[1, 2, 3].map((m) => logon(m, 'SMTPD', 'alice@northwind.example', 'logon-failed', other)),
      logon(10, 'SMTPD', BOB, 'logon-ok', IP),
      ...[5, 6, 7].map((m) => logon(m, 'SMTPD', BOB, 'logon-failed', IP)),
    ];
    const findings = authAfterFailures.run(buildCase({ database: database(), logs: emptyLogs({ sessions, events }) }), OPTIONS);
    expect(findings.map((f) => [f.ref.account, f.ref.ip])).toEqual([['alice@northwind.example', other], [BOB, IP]]);
    expect(findings[1].details.activityAfter).toEqual({
      smtpSessions: 2,
      senders: ['b@x.example'],
      recipients: 2,
      externalRecipients: 1,
      externalRecipientDomains: ['gmail.example'],
      mailboxLogonsAfter: 2,
      sessions: [
        { session: 'log#SMTPD#1', start: t(11), ip: other, mailFrom: 'b@x.example', rcptTo: ['Ext@Gmail.example', 'alice@northwind.example'], basis: 'authenticated as the account' },
        { session: 'log#SMTPD#2', start: t(12), ip: IP, mailFrom: null, rcptTo: ['ext@gmail.example'], basis: 'same IP, no other logon in the session' },
      ],
    });
  });
});
