/**
 * One line of any hMailServer log (hmailserver.md §4.2): the protocol/application log, the error log, the
 * AWStats log, the events log and the backup log. Log text is attacker-controlled and kept as written.
 */
import type { LogLine, LogLineType } from '../model/logEvent.ts';

const SESSION_TYPES = new Set<LogLineType>(['SMTPD', 'SMTPC', 'POP3D', 'POP3C', 'IMAPD']);
const THREAD_TYPES = new Set<LogLineType>(['TCPIP', 'APPLICATION', 'DEBUG', 'ERROR']);
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{3})?$/;
const DIGITS = /^\d+$/;
const DATE_START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;
const EVENTS_START = /^\d+\t"/;
const AWSTATS_FIELDS = 9;
/**
 * With LogLevel ≤ 2 and debug off, hMailServer keeps the first MaxLogLineLen-30 characters, then " ... ",
 * then the last 25 characters of the line including its CRLF (Logger.cpp WriteData_): 23 after the mark.
 */
const TRUNCATION_MARK = ' ... ';
const TRUNCATION_TAIL = 23;

export type LogLineResult = LogLine | { error: string };

/** Strips one leading and one trailing quote; inner quotes are not escaped by hMailServer and stay. */
function unquote(field: string): string {
  const start = field.startsWith('"') ? 1 : 0;
  const end = field.length > start && field.endsWith('"') ? field.length - 1 : field.length;
  return field.slice(start, end);
}

/** "YYYY-MM-DD HH:MM:SS[.mmm]" with real calendar values, normalised to milliseconds; null otherwise. */
function localTimeOf(text: string): string | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return m[7] ? text : `${text}.000`;
}

function isTruncated(line: string): boolean {
  const at = line.length - TRUNCATION_TAIL - TRUNCATION_MARK.length;
  return at >= 0 && line.startsWith(TRUNCATION_MARK, at);
}

function typedLine(line: string, file: string, lineNo: number): LogLineResult {
  const fields = line.split('\t');
  const type = unquote(fields[0]) as LogLineType;
  const hasSession = SESSION_TYPES.has(type);
  if (!hasSession && !THREAD_TYPES.has(type)) return { error: `unknown line type "${unquote(fields[0]).slice(0, 40)}"` };
  if (isTruncated(line)) return { error: 'truncated by hMailServer (LogLevel ≤ 2, MaxLogLineLen): the middle of the line is missing' };
  const expected = hasSession ? 6 : 4;
  if (fields.length < expected) return { error: `${type} line has ${fields.length} fields, ${expected} expected` };
  if (!DIGITS.test(fields[1])) return { error: `thread id "${fields[1].slice(0, 40)}" is not a number` };
  if (hasSession && !DIGITS.test(fields[2])) return { error: `session id "${fields[2].slice(0, 40)}" is not a number` };
  const timeField = unquote(fields[hasSession ? 3 : 2]);
  const localTime = localTimeOf(timeField);
  if (!localTime) return { error: `timestamp "${timeField.slice(0, 40)}" is not YYYY-MM-DD HH:MM:SS.mmm` };
  return {
    file,
    lineNo,
    type,
    thread: Number(fields[1]),
    session: hasSession ? Number(fields[2]) : null,
    localTime,
    ip: hasSession ? unquote(fields[4]) || null : null,
    text: unquote(fields.slice(hasSession ? 5 : 3).join('\t')),
  };
}

function eventsLine(line: string, file: string, lineNo: number): LogLineResult {
  const fields = line.split('\t');
  if (fields.length < 3) return { error: `events log line has ${fields.length} fields, 3 expected` };
  const timeField = unquote(fields[1]);
  const localTime = localTimeOf(timeField);
  if (!localTime) return { error: `timestamp "${timeField.slice(0, 40)}" is not YYYY-MM-DD HH:MM:SS.mmm` };
  return { file, lineNo, type: 'EVENTS', thread: Number(fields[0]), session: null, localTime, ip: null, text: unquote(fields.slice(2).join('\t')) };
}

/** AWStats: time, sender, recipient, sender IP, recipient IP or host, "SMTP", "?", code, bytes (AWStats.cpp). */
function awstatsLine(line: string, file: string, lineNo: number): LogLineResult {
  if (isTruncated(line)) return { error: 'truncated by hMailServer (LogLevel ≤ 2, MaxLogLineLen): the middle of the line is missing' };
  const fields = line.split('\t');
  if (fields.length !== AWSTATS_FIELDS) return { error: `AWStats line has ${fields.length} fields, ${AWSTATS_FIELDS} expected` };
  if (fields[5] !== 'SMTP' || !DIGITS.test(fields[7]) || !DIGITS.test(fields[8].trim())) {
    return { error: 'AWStats line without the "SMTP ? <code> <bytes>" columns' };
  }
  const localTime = localTimeOf(fields[0]);
  if (!localTime) return { error: `timestamp "${fields[0].slice(0, 40)}" is not YYYY-MM-DD HH:MM:SS` };
  return { file, lineNo, type: 'AWSTATS', thread: null, session: null, localTime, ip: fields[3] || null, text: fields.slice(1).join('\t') };
}

function backupLine(line: string, file: string, lineNo: number): LogLineResult {
  const tab = line.indexOf('\t');
  const timeField = tab < 0 ? line : line.slice(0, tab);
  const localTime = localTimeOf(timeField);
  if (tab < 0 || !localTime) return { error: 'backup log line is not "<time> TAB <text>"' };
  return { file, lineNo, type: 'BACKUP', thread: null, session: null, localTime, ip: null, text: line.slice(tab + 1) };
}

export function parseLogLine(line: string, file: string, lineNo: number): LogLineResult {
  let text = line.endsWith('\r') ? line.slice(0, -1) : line;
  while (text.startsWith('\ufeff')) text = text.slice(1);
  if (text.trim() === '') return { error: 'empty line' };
  if (text.startsWith('"')) return typedLine(text, file, lineNo);
  if (EVENTS_START.test(text)) return eventsLine(text, file, lineNo);
  if (DATE_START.test(text)) {
    const awstats = /awstats/i.test(file) || text.split('\t')[5] === 'SMTP';
    return awstats ? awstatsLine(text, file, lineNo) : backupLine(text, file, lineNo);
  }
  return { error: 'not an hMailServer log line' };
}
