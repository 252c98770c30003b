/**
 * Timeline exports: Timesketch JSONL/CSV with its documented mandatory fields (message, datetime, timestamp_desc;
 * timestamp in microseconds), and the plain CSV — RFC 4180 quoting, formula cells neutralised.
 */
import { describe, expect, it } from 'vitest';
import { timelineCsv } from '../../../src/lib/report/timelineCsv.ts';
import { timesketchCsv } from '../../../src/lib/report/timesketchCsv.ts';
import { timesketchJsonl } from '../../../src/lib/report/timesketchJsonl.ts';
import type { TimelineEvent } from '../../../src/lib/timeline/timelineEvent.ts';

const logon: TimelineEvent = {
  timeUtc: '2024-05-12T08:15:48.000Z',
  timeLocal: '2024-05-12 10:15:48.000',
  type: 'logon-ok',
  source: 'hMailServer/Logs/hmailserver_2024-05-12.log:109',
  description: 'SMTPD: SMTP AUTH LOGIN succeeded: 235 authenticated.',
  refMessage: null,
  refSession: 'hMailServer/Logs/hmailserver_2024-05-12.log#1#SMTPD#412',
  account: 'bob@northwind.example',
  ip: '203.0.113.9',
  timeZone: 'America/New_York',
  timeNote: null,
};
const hostile: TimelineEvent = {
  timeUtc: '2024-05-12T09:00:00.000Z',
  timeLocal: null,
  type: 'message-date-header',
  source: 'Date header',
  description: '=HYPERLINK("http://evil.example","click"), "quoted"\r\nnext',
  refMessage: 'Data/a,b.eml',
  refSession: null,
  account: '+alice@northwind.example',
  ip: null,
  timeZone: 'UTC-05:00',
  timeNote: null,
};
const undated: TimelineEvent = { ...logon, timeUtc: null, timeLocal: 'garbage', type: 'account-last-logon', timeNote: 'left out: invalid: not a readable time' };
const zipTime: TimelineEvent = {
  ...logon,
  timeUtc: null,
  timeLocal: '2024-05-06 09:00:00',
  type: 'file-modified',
  timeZone: 'unknown',
  timeNote: 'left out: zone unknown: a zip entry time',
};

/** RFC 4180 reader for the assertions: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('timesketchJsonl', () => {
  it('writes one object per line with the mandatory fields and the extras, leaving out undated events', () => {
    const lines = timesketchJsonl([logon, undated, zipTime]).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[0])).toEqual({
      message: 'SMTPD: SMTP AUTH LOGIN succeeded: 235 authenticated.',
      datetime: '2024-05-12T08:15:48.000+00:00',
      timestamp: 1715501748000000,
      timestamp_desc: 'Logon Succeeded',
      event_type: 'logon-ok',
      source: 'hMailServer/Logs/hmailserver_2024-05-12.log:109',
      account: 'bob@northwind.example',
      ip: '203.0.113.9',
      log_session: 'hMailServer/Logs/hmailserver_2024-05-12.log#1#SMTPD#412',
      time_local: '2024-05-12 10:15:48.000',
      time_zone: 'America/New_York',
    });
  });

  it('keeps hostile text as data (JSON escaping only)', () => {
    expect(JSON.parse(timesketchJsonl([hostile]).trim()).message).toBe(hostile.description);
  });
});

describe('timesketchCsv', () => {
  it('starts with the mandatory columns and gives microsecond timestamps', () => {
    const rows = readCsv(timesketchCsv([logon, undated]));
    expect(rows[0].slice(0, 4)).toEqual(['message', 'datetime', 'timestamp', 'timestamp_desc']);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 4)).toEqual(['SMTPD: SMTP AUTH LOGIN succeeded: 235 authenticated.', '2024-05-12T08:15:48.000+00:00', '1715501748000000', 'Logon Succeeded']);
    expect(Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]))).toMatchObject({ account: 'bob@northwind.example', ip: '203.0.113.9', message_path: '' });
  });

  it('quotes per RFC 4180 and prefixes formula-looking cells with an apostrophe', () => {
    const text = timesketchCsv([hostile]);
    const rows = readCsv(text);
    const row = Object.fromEntries(rows[0].map((h, i) => [h, rows[1][i]]));
    expect(row.message).toBe(`'${hostile.description}`);
    expect(row.account).toBe("'+alice@northwind.example");
    expect(row.message_path).toBe('Data/a,b.eml');
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""click""), ""quoted""\r\nnext"');
  });
});

describe('timelineCsv', () => {
  it('lists every event, also those left out of the chart, with both times, the zone and why', () => {
    const rows = readCsv(timelineCsv([logon, undated, zipTime]));
    expect(rows).toEqual([
      ['time_utc', 'time_local', 'time_zone', 'time_note', 'type', 'source', 'description', 'account', 'ip', 'message', 'session'],
      ['2024-05-12T08:15:48.000Z', '2024-05-12 10:15:48.000', 'America/New_York', '', 'logon-ok', logon.source, logon.description, 'bob@northwind.example', '203.0.113.9', '', logon.refSession!],
      ['', 'garbage', 'America/New_York', 'left out: invalid: not a readable time', 'account-last-logon', logon.source, logon.description, 'bob@northwind.example', '203.0.113.9', '', logon.refSession!],
      ['', '2024-05-06 09:00:00', 'unknown', 'left out: zone unknown: a zip entry time', 'file-modified', logon.source, logon.description, 'bob@northwind.example', '203.0.113.9', '', logon.refSession!],
    ]);
    // A time of unknown zone never gets an invented offset.
    expect(timesketchJsonl([zipTime])).toBe('');
  });
});
