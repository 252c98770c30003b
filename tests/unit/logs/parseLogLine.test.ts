/** The line grammar of hmailserver.md §4.2 on the reference's real and synthesized lines of every type. */
import { describe, expect, it } from 'vitest';
import { parseLogLine } from '../../../src/lib/logs/parseLogLine.ts';
import type { LogLine } from '../../../src/lib/model/logEvent.ts';
import { fixtureBytes } from './logText.ts';

const F = 'hMailServer/Logs/hmailserver_2024-05-06.log';

function ok(line: string, file = F): LogLine {
  const r = parseLogLine(line, file, 7);
  if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
  return r;
}

function error(line: string, file = F): string {
  const r = parseLogLine(line, file, 7);
  if (!('error' in r)) throw new Error(`parsed: ${JSON.stringify(r)}`);
  return r.error;
}

describe('parseLogLine: protocol lines (type, thread, session, time, ip, text)', () => {
  it('parses an SMTPD line from a real log', () => {
    expect(ok('"SMTPD"\t4532\t154\t"2026-02-12 02:35:40.970"\t"10.10.14.78"\t"SENT: 220 mailing.htb ESMTP"')).toEqual({
      file: F, lineNo: 7, type: 'SMTPD', thread: 4532, session: 154, localTime: '2026-02-12 02:35:40.970', ip: '10.10.14.78', text: 'SENT: 220 mailing.htb ESMTP',
    });
  });

  it('keeps [nl] tokens and unescaped inner quotes as written', () => {
    expect(ok('"SMTPD"\t5688\t3\t"2020-03-03 12:32:37.985"\t"192.168.100.14"\t"SENT: 250-giacobeville.com[nl]250-SIZE 20480000[nl]250 HELP"').text)
      .toBe('SENT: 250-giacobeville.com[nl]250-SIZE 20480000[nl]250 HELP');
    expect(ok('"IMAPD"\t5436\t2\t"2020-02-28 15:06:25.909"\t"192.168.100.21"\t"RECEIVED: 3 login "RoyTenneman@Giacobeville.com" ***"').text)
      .toBe('RECEIVED: 3 login "RoyTenneman@Giacobeville.com" ***');
  });

  it('keeps a TAB inside the message text (attacker-supplied HELO)', () => {
    expect(ok('"SMTPD"\t1\t2\t"2024-05-06 03:12:01.104"\t"203.0.113.9"\t"RECEIVED: HELO a\tb"').text).toBe('RECEIVED: HELO a\tb');
  });

  it.each(['SMTPC', 'POP3D', 'POP3C', 'IMAPD'])('parses %s lines with the same columns', (type) => {
    const line = ok(`"${type}"\t4388\t95\t"2024-05-06 09:00:02.511"\t"192.0.2.25"\t"RECEIVED: 220 mx.example.net ESMTP"`);
    expect([line.type, line.session, line.ip]).toEqual([type, 95, '192.0.2.25']);
  });

  it('strips a CR and leading BOMs', () => {
    expect(ok('\ufeff"SMTPD"\t1\t2\t"2024-05-06 03:12:01.104"\t"203.0.113.9"\t"SENT: 250 OK"\r').text).toBe('SENT: 250 OK');
  });
});

describe('parseLogLine: application lines (type, thread, time, text)', () => {
  it.each([
    ['TCPIP', '"TCPIP"\t2696\t"2023-03-29 00:00:05.809"\t"TCP - 10.126.26.136 connected to 10.126.26.43:25."', 'TCP - 10.126.26.136 connected to 10.126.26.43:25.'],
    ['APPLICATION', '"APPLICATION"\t3740\t"2026-02-11 22:52:09.483"\t"Starting servers..."', 'Starting servers...'],
    ['DEBUG', '"DEBUG"\t4532\t"2026-02-12 02:35:40.970"\t"TCP connection started for session 154"', 'TCP connection started for session 154'],
    ['ERROR', '"ERROR"\t4388\t"2024-05-06 09:10:00.000"\t"Severity: 3 (Medium), Code: HM5026, Source: X, Description: Y"', 'Severity: 3 (Medium), Code: HM5026, Source: X, Description: Y'],
  ])('parses %s', (type, line, text) => {
    const parsed = ok(line);
    expect([parsed.type, parsed.session, parsed.ip, parsed.text]).toEqual([type, null, null, text]);
    expect(parsed.thread).toBeGreaterThan(0);
  });

  it('parses every line of the every-line-type fixture', () => {
    const lines = new TextDecoder('windows-1252').decode(fixtureBytes('every-line-type.log')).split('\r\n').filter((l) => l !== '');
    const types = lines.map((l, i) => {
      const r = parseLogLine(l, F, i + 1);
      if ('error' in r) throw new Error(`line ${i + 1}: ${r.error}`);
      return r.type;
    });
    expect(new Set(types)).toEqual(new Set(['APPLICATION', 'DEBUG', 'TCPIP', 'SMTPD', 'SMTPC', 'POP3D', 'IMAPD', 'ERROR']));
  });
});

describe('parseLogLine: the other log files', () => {
  it('parses an AWStats line (no quotes, no milliseconds)', () => {
    expect(ok('2024-05-06 09:00:03\talice@mydomain.tld\tbob@example.net\t192.168.1.20\tmx.example.net\tSMTP\t?\t250\t1234', 'Logs/hmailserver_awstats.log')).toMatchObject({
      type: 'AWSTATS', thread: null, session: null, localTime: '2024-05-06 09:00:03.000', ip: '192.168.1.20',
      text: 'alice@mydomain.tld\tbob@example.net\t192.168.1.20\tmx.example.net\tSMTP\t?\t250\t1234',
    });
  });

  it('parses an events log line (thread, time, text: no type column)', () => {
    expect(ok('1234\t"2024-05-06 09:00:00.125"\t"Script: blocked "bad" sender"', 'Logs/hmailserver_events.log')).toMatchObject({
      type: 'EVENTS', thread: 1234, session: null, localTime: '2024-05-06 09:00:00.125', text: 'Script: blocked "bad" sender',
    });
  });

  it('parses a backup log line (time TAB text, no quotes)', () => {
    expect(ok('2024-05-06 02:00:00.000\tBackup started', 'Logs/hmailserver_backup.log')).toMatchObject({ type: 'BACKUP', localTime: '2024-05-06 02:00:00.000', text: 'Backup started' });
  });
});

describe('parseLogLine: malformed and truncated lines give a reason', () => {
  it('rejects a line truncated by MaxLogLineLen (first part, " ... ", last 23 characters)', () => {
    const full = `"SMTPD"\t4420\t87\t"2024-05-06 03:12:01.104"\t"203.0.113.9"\t"RECEIVED: RCPT TO:<${'x'.repeat(600)}@example.com>"`;
    const truncated = `${full.slice(0, 470)} ... ${full.slice(-23)}`;
    expect(error(truncated)).toMatch(/^truncated by hMailServer/);
    expect('error' in parseLogLine(full, F, 1)).toBe(false);
  });

  it.each([
    ['empty line', '', /^empty line$/],
    ['whitespace', '   ', /^empty line$/],
    ['garbage', 'hello world', /^not an hMailServer log line$/],
    ['unknown type', '"SMTPX"\t1\t2\t"2024-05-06 03:12:01.104"\t"1.2.3.4"\t"x"', /^unknown line type "SMTPX"$/],
    ['missing columns', '"SMTPD"\t4420\t"2024-05-06 03:12:01.104"\t"x"', /^SMTPD line has 4 fields, 6 expected$/],
    ['thread not a number', '"TCPIP"\tabc\t"2024-05-06 03:12:01.104"\t"x"', /^thread id "abc" is not a number$/],
    ['session not a number', '"SMTPD"\t1\tx\t"2024-05-06 03:12:01.104"\t"1.2.3.4"\t"x"', /^session id "x" is not a number$/],
    ['bad timestamp', '"TCPIP"\t1\t"2024-13-06 03:12:01.104"\t"x"', /^timestamp "2024-13-06 03:12:01.104" is not/],
    ['impossible date', '"TCPIP"\t1\t"2024-02-30 03:12:01.104"\t"x"', /^timestamp "2024-02-30/],
    ['bad AWStats columns', '2024-05-06 09:00:03\ta\tb\t1.2.3.4\th\tSMTP\t?\t250', /^AWStats line has 8 fields, 9 expected$/],
    ['bad events time', '12\t"yesterday"\t"x"', /^timestamp "yesterday" is not/],
    ['bad backup line', '2024-05-06 02:00:00.000 no tab', /^backup log line is not/],
  ])('%s', (_, line, reason) => {
    expect(error(line, line.includes('SMTP\t?') ? 'hmailserver_awstats.log' : F)).toMatch(reason);
  });
});
