/** One event model: message times as separate types, log events, last logons and file times, sorted. */
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/lib/timeline/buildTimeline.ts';
import { fixedZone } from '../../../src/lib/time/serverZone.ts';
import { account, buildCase, database, dbMessage, guid, hop, mailboxPath, message } from '../analyze/caseBuilder.ts';
import { crlf, LOG, parseLogs, smtpAuthLogin } from '../logs/logText.ts';

describe('buildTimeline', () => {
  it('gives a message its database, Received and Date events, each with its own time', async () => {
    const path = mailboxPath('alice@northwind.example', guid(1));
    const caseData = buildCase({
      database: database({ messages: [dbMessage(1, { fileName: `${guid(1)}.eml`, createTime: '2024-05-06 08:00:05' })] }),
      messages: [message(path, { received: [hop({ time: '2024-05-06T06:00:03.000Z', offsetMinutes: 120 })], date: '2024-05-06T05:59:00.000Z' })],
    });
    const events = buildTimeline(caseData).filter((e) => e.refMessage === path);
    expect(events.map((e) => [e.type, e.timeUtc, e.timeLocal])).toEqual([
      ['message-date-header', '2024-05-06T05:59:00.000Z', null],
      ['message-received', '2024-05-06T06:00:03.000Z', null],
      ['message-db-created', '2024-05-06T06:00:05.000Z', '2024-05-06 08:00:05'],
    ]);
    expect(events[1]).toMatchObject({ source: 'Received header', ip: '192.0.2.10', account: 'alice@northwind.example' });
  });

  it('names a database row whose file is missing by the path it should have (root "Data" when no file shows it)', () => {
    const caseData = buildCase({ database: database({ messages: [dbMessage(7, { accountId: 2, folderId: 2, createTime: '2024-05-06 09:00:00' })] }) });
    const [e] = buildTimeline(caseData).filter((x) => x.type === 'message-db-created');
    expect(e).toMatchObject({ refMessage: `Data/northwind.example/bob/00/${guid(7)}.eml`, account: 'bob@northwind.example' });
    expect(e.description).toContain('its file is not in the evidence');
  });

  it('turns log events into timeline events with local and UTC time and their session key', async () => {
    const logs = await parseLogs({ [LOG]: crlf(smtpAuthLogin(401, '2024-05-12 10:14:09.000', '203.0.113.9', 'bob@northwind.example', false)) });
    const [e] = buildTimeline(buildCase({ logs }));
    expect(e).toEqual({
      timeUtc: '2024-05-12T08:14:09.000Z',
      timeLocal: '2024-05-12 10:14:09.000',
      type: 'logon-failed',
      source: `${LOG}:8`,
      description: 'SMTPD: SMTP AUTH LOGIN failed: 535 Authentication failed. Restarting authentication process.',
      refMessage: null,
      refSession: `${LOG}#0#SMTPD#401`,
      account: 'bob@northwind.example',
      ip: '203.0.113.9',
      timeZone: 'UTC+02:00',
      timeNote: null,
    });
  });

  it('adds last logons (local) and archive file times (UTC), and sorts by UTC with undated events last', () => {
    const caseData = buildCase({
      database: database({ accounts: [account(1, 'alice@northwind.example', { lastLogon: '2024-05-06 12:00:00' }), account(2, 'bob@northwind.example', { lastLogon: 'garbage' })] }),
      inventory: [{ path: 'x/hMailServer.ini', kind: 'ini', format: 'hmail-ini', size: 1, md5: '', sha256: '', status: 'ok', container: 'case.zip', modified: '2024-05-06T09:00:00.000Z' }],
      serverZone: fixedZone(0, 'test'),
    });
    expect(buildTimeline(caseData).map((e) => [e.type, e.timeUtc, e.account, e.source])).toEqual([
      ['file-modified', '2024-05-06T09:00:00.000Z', null, 'case.zip'],
      ['account-last-logon', '2024-05-06T12:00:00.000Z', 'alice@northwind.example', 'hm_accounts.accountlastlogontime'],
      ['account-last-logon', null, 'bob@northwind.example', 'hm_accounts.accountlastlogontime'],
    ]);
  });
});

describe('buildTimeline: times that are not events', () => {
  it('leaves placeholders and zip times of unknown zone without a UTC instant, saying why', () => {
    const caseData = buildCase({
      database: database({
        accounts: [account(1, 'alice@northwind.example', { lastLogon: '1901-01-01 00:00:00' }), account(2, 'bob@northwind.example', { lastLogon: '1970-01-01 00:00:00' })],
        messages: [dbMessage(3, { accountId: 2, folderId: 2, createTime: '0000-00-00 00:00:00' })],
      }),
      inventory: [
        { path: 'x/a.log', kind: 'log', format: 'hmail-log', size: 1, md5: '', sha256: '', status: 'ok', container: 'case.zip', modified: '2024-05-06T09:00:00' },
        { path: 'x/b.log', kind: 'log', format: 'hmail-log', size: 1, md5: '', sha256: '', status: 'ok', container: 'case.zip', modified: '1980-01-01T00:00:00' },
      ],
    });
    const rows = buildTimeline(caseData).map((e) => [e.type, e.timeUtc, e.timeLocal, e.timeZone, e.timeNote]);
    expect(rows).toEqual([
      ['message-db-created', null, '0000-00-00 00:00:00', 'UTC+02:00', 'left out: not set: zero date (not set)'],
      ['account-last-logon', null, '1901-01-01 00:00:00', 'UTC+02:00', 'left out: never: hMailServer "never" value (1901-01-01)'],
      ['account-last-logon', null, '1970-01-01 00:00:00', 'UTC+02:00', 'left out: not set: 1970-01-01 epoch default (not set)'],
      ['file-modified', null, '1980-01-01 00:00:00', 'unknown', 'left out: not set: zip entry time 1980-01-01 00:00 (a zeroed DOS time)'],
      ['file-modified', null, '2024-05-06 09:00:00', 'unknown', expect.stringMatching(/^left out: zone unknown: a zip entry time/)],
    ]);
  });
});
