/** brute-force-source: many failed logons from one IP; spraying named; a later success raises the severity. */
import { describe, expect, it } from 'vitest';
import { bruteForceSource } from '../../../src/lib/analyze/bruteForceSource.ts';
import { at, crlf, LOG, parseLogs, protocolLine as p, smtpAuthLogin } from '../logs/logText.ts';
import { buildCase, emptyLogs, logEvent, OPTIONS } from './caseBuilder.ts';

const IP = '203.0.113.9';

async function run(lines: string[], options = OPTIONS) {
  const caseData = buildCase({ logs: await parseLogs({ [LOG]: crlf(lines) }) });
  return bruteForceSource.run(caseData, options);
}

function failures(n: number, user = 'bob@northwind.example', ip = IP, first = 0): string[] {
  return Array.from({ length: n }, (_, i) => smtpAuthLogin(100 + first + i, at(first + i * 9), ip, user, false)).flat();
}

describe('bruteForceSource', () => {
  it('reports an IP with at least bruteForceMinFailures failures, with its span and account', async () => {
    const [f, ...rest] = await run(failures(6));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      type: 'brute-force-source',
      severity: 'medium',
      ref: { ip: IP },
      summary: `${IP} failed to log on 6 times over SMTPD between 2024-05-12 10:00:00.000 and 2024-05-12 10:00:45.000 (server time) against 1 account (bob@northwind.example); no logon from this address succeeded.`,
    });
    expect(f.details).toMatchObject({
      failures: 6,
      pattern: 'brute-force',
      accountsTried: ['bob@northwind.example'],
      protocols: ['SMTPD'],
      firstUtc: '2024-05-12T08:00:00.000Z',
      lastUtc: '2024-05-12T08:00:45.000Z',
      successFollowed: false,
    });
    expect((f.details.lines as unknown[]).length).toBe(6);
  });

  it('names password spraying (one IP, many accounts, several protocols)', async () => {
    const users = ['alice', 'bob', 'carol', 'dave', 'erin'].map((u) => `${u}@northwind.example`);
    const lines = users.flatMap((u, i) => [
      p('POP3D', 200 + i, at(i), IP, `RECEIVED: USER ${u}`),
      p('POP3D', 200 + i, at(i), IP, 'RECEIVED: PASS ***'),
      p('POP3D', 200 + i, at(i), IP, 'SENT: -ERR Invalid user name or password.'),
      p('IMAPD', 300 + i, at(i + 30), IP, `RECEIVED: a1 LOGIN "${u}" ***`),
      p('IMAPD', 300 + i, at(i + 30), IP, 'SENT: a1 NO Invalid user name or password.'),
    ]);
    const [f] = await run(lines);
    expect(f.details).toMatchObject({ failures: 10, pattern: 'password-spraying', protocols: ['IMAPD', 'POP3D'], accountsTried: users });
    expect(f.summary).toContain('against 5 accounts (alice@northwind.example, bob@northwind.example, carol@northwind.example and 2 more), a password-spraying pattern;');
  });

  it('is high when a logon from the IP succeeded afterwards', async () => {
    const [f] = await run([...failures(5), ...smtpAuthLogin(120, at(100), IP, 'bob@northwind.example', true)]);
    expect(f.severity).toBe('high');
    expect(f.details.successFollowed).toBe(true);
    expect(f.details.successes).toEqual([{ account: 'bob@northwind.example', localTime: at(100), protocol: 'SMTPD', file: LOG, lineNo: 48 }]);
    expect(f.summary).toMatch(/then succeeded as bob@northwind\.example at 2024-05-12 10:01:40\.000\.$/);
  });

  it('reports nothing below the threshold, nor for failures spread over IPs', async () => {
    expect(await run(failures(4))).toEqual([]);
    expect(await run([...failures(3), ...failures(3, 'bob@northwind.example', '198.51.100.1', 50)])).toEqual([]);
    expect(await run(failures(4), { ...OPTIONS, bruteForceMinFailures: 4 })).toHaveLength(1);
  });

  it('reports nothing for successful logons only', async () => {
    expect(await run(Array.from({ length: 10 }, (_, i) => smtpAuthLogin(i, at(i), IP, 'bob@northwind.example', true)).flat())).toEqual([]);
  });

  it('orders IPs and events, counts accounts case-insensitively, keeps unnamed failures, bans and blocks, cites 20 lines', () => {
    const file = logEvent().file;
    const t = (s: number) => `2024-05-12 10:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
    const failed = (ip: string, s: number, account: string | null, lineNo: number) => logEvent({ kind: 'logon-failed', ip, localTime: t(s), account, lineNo });
    const events = [
      ...Array.from({ length: 25 }, (_, i) => failed('203.0.113.9', 100 - i, i % 5 === 0 ? null : i % 2 ? 'Bob@x.example' : 'bob@x.example', 1000 - i)),
      failed('203.0.113.9', 200, 'carol@x.example', 2000),
      logEvent({ kind: 'logon-ok', ip: '203.0.113.9', localTime: t(50), account: 'early@x.example', lineNo: 1 }),
      logEvent({ kind: 'logon-ok', ip: '203.0.113.9', localTime: t(300), account: 'bob@x.example', lineNo: 3000 }),
      logEvent({ kind: 'logon-banned', ip: '203.0.113.9', localTime: t(301), lineNo: 3001 }),
      logEvent({ kind: 'ip-blocked', ip: '203.0.113.9', localTime: t(302), lineNo: 3002 }),
      logEvent({ kind: 'ip-blocked', ip: '203.0.113.9', localTime: t(303), lineNo: 3003 }),
      ...Array.from({ length: 5 }, (_, i) => failed('198.51.100.7', i, null, 10 + i)),
      ...Array.from({ length: 9 }, (_, i) => failed('', i, 'ghost@x.example', 20 + i)),
    ];
    const found = bruteForceSource.run(buildCase({ logs: emptyLogs({ events }) }), OPTIONS);
    expect(found.map((f) => f.ref.ip)).toEqual(['198.51.100.7', '203.0.113.9']);
    const [unnamed, spray] = found;
    expect(unnamed.summary).toContain('with user names the log does not show;');
    expect(unnamed.details).toMatchObject({ failures: 5, accountsTried: [], failuresWithoutUserName: 5, successFollowed: false });
    expect(spray.severity).toBe('high');
    expect(spray.details).toMatchObject({
      failures: 26,
      accountsTried: ['bob@x.example', 'carol@x.example'],
      failuresByAccount: { 'bob@x.example': 20, 'carol@x.example': 1 },
      failuresWithoutUserName: 5,
      firstLocal: t(76),
      lastLocal: t(200),
      banResponses: 1,
      blockedReconnects: 2,
      successes: [{ account: 'bob@x.example', localTime: t(300), protocol: 'SMTPD', file, lineNo: 3000 }],
    });
    expect(spray.summary).toContain('against 2 accounts (bob@x.example, carol@x.example);');
    expect(spray.details.lines).toEqual(Array.from({ length: 20 }, (_, i) => ({ file, lineNo: 976 + i })));
  });
});
