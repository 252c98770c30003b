/** The log facts relay analysis asks per message: SMTP sessions by envelope sender, and the last logon from an IP before a time. */
import { describe, expect, it } from 'vitest';
import { smtpLogonIndex } from '../../../../src/lib/analyze/support/smtpLogonIndex.ts';
import type { LogData, LogEvent, LogSession } from '../../../../src/lib/model/logEvent.ts';
import { fixedZone } from '../../../../src/lib/time/serverZone.ts';

const FILE = 'hMailServer/Logs/hmailserver_2024-05-06.log';
/** The server's clock runs at UTC+02:00: 10:00 local is 08:00 UTC. */
const ZONE = fixedZone(120, 'test');
const utc = (hhmm: string) => Date.parse(`2024-05-06T${hhmm}:00.000Z`);

function session(id: number, fields: Partial<LogSession>): LogSession {
  return {
    key: `${FILE}#0#SMTPD#${id}`, file: FILE, protocol: 'SMTPD', session: id, ip: '203.0.113.9', start: '2024-05-06 10:00:00.000', end: '2024-05-06 10:00:05.000',
    helo: null, authUser: null, authResult: null, mailFrom: null, rcptTo: [], responses: [], bytes: 0, lineCount: 1, firstLine: id, lastLine: id, ...fields,
  };
}

function logonEvent(account: string, ip: string, localTime: string, lineNo: number): LogEvent {
  return { kind: 'logon-ok', localTime, file: FILE, lineNo, protocol: 'IMAPD', session: 50, ip, account, detail: '' };
}

function logs(sessions: LogSession[], events: LogEvent[] = []): LogData {
  return { files: [{ path: FILE, lines: 100, unparsed: 0, first: null, last: null }], sessions, events, credentials: [], unparsed: [], unparsedTotal: 0 };
}

describe('smtpLogonIndex', () => {
  it('finds the sessions of an envelope sender whatever its case', () => {
    const a = session(1, { mailFrom: 'Alice@Example.com' });
    const b = session(2, { mailFrom: 'alice@example.com' });
    const index = smtpLogonIndex(logs([a, b, session(3, { mailFrom: 'bob@example.com' }), session(4, {})]), ZONE);
    expect(index.sessionsFrom('ALICE@example.com')).toEqual([a, b]);
    expect(index.sessionsFrom('nobody@example.com')).toEqual([]);
  });

  it('gives a session start in UTC from the server zone', () => {
    const index = smtpLogonIndex(logs([]), ZONE);
    expect(index.sessionStartMs(session(1, { start: '2024-05-06 10:30:00.000' }))).toBe(utc('08:30'));
  });

  it('takes the latest successful logon from the IP at or before the time, within the age asked', () => {
    const index = smtpLogonIndex(
      logs(
        [
          session(1, { authUser: 'alice@example.com', authResult: 'ok', start: '2024-05-06 10:00:00.000' }),
          session(2, { authUser: 'mallory@example.com', authResult: 'failed', start: '2024-05-06 10:20:00.000' }),
          session(3, { authUser: 'carol@example.com', authResult: 'ok', start: '2024-05-06 10:40:00.000', ip: '198.51.100.7' }),
        ],
        [logonEvent('bob@example.com', '203.0.113.9', '2024-05-06 10:10:00.000', 90), logonEvent('late@example.com', '203.0.113.9', '2024-05-06 11:00:00.000', 95)],
      ),
      ZONE,
    );
    expect(index.lastLogonBefore('203.0.113.9', utc('08:30'), 3_600_000)).toEqual({ account: 'bob@example.com', ip: '203.0.113.9', ms: utc('08:10'), localTime: '2024-05-06 10:10:00.000', where: `${FILE} line 90` });
    expect(index.lastLogonBefore('203.0.113.9', utc('08:05'), 3_600_000)).toMatchObject({ account: 'alice@example.com', where: `SMTPD session 1 in ${FILE}` });
    expect(index.lastLogonBefore('203.0.113.9', utc('08:10'), 0)?.account).toBe('bob@example.com');
    expect(index.lastLogonBefore('203.0.113.9', utc('08:30'), 10 * 60_000)).toBeNull();
    expect(index.lastLogonBefore('203.0.113.9', utc('07:59'), 3_600_000)).toBeNull();
    expect(index.lastLogonBefore('198.51.100.7', utc('08:45'), 3_600_000)?.account).toBe('carol@example.com');
    expect(index.lastLogonBefore('192.0.2.1', utc('08:45'), 3_600_000)).toBeNull();
  });
});
