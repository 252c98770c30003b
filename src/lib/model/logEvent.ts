/** hMailServer log lines, the sessions rebuilt from them and the events extracted (§4 of the reference). */

export type LogLineType =
  | 'SMTPD' | 'SMTPC' | 'POP3D' | 'POP3C' | 'IMAPD' | 'TCPIP' | 'APPLICATION' | 'DEBUG' | 'ERROR'
  | 'AWSTATS' | 'EVENTS' | 'BACKUP';

export interface LogLine {
  file: string;
  lineNo: number;
  type: LogLineType;
  thread: number | null;
  session: number | null;
  /** Local server time as written, "YYYY-MM-DD HH:MM:SS.mmm". */
  localTime: string;
  ip: string | null;
  text: string;
}

export type LogEventKind =
  | 'connection'
  | 'logon-ok'
  | 'logon-failed'
  | 'logon-banned'
  | 'relay-denied'
  | 'message-accepted'
  | 'delivery-local'
  | 'delivery-remote'
  | 'delivery-failed'
  | 'ip-blocked'
  | 'credential-in-log'
  | 'server-start'
  | 'error';

export interface LogEvent {
  kind: LogEventKind;
  localTime: string;
  file: string;
  lineNo: number;
  protocol: string;
  session: number | null;
  ip: string | null;
  account: string | null;
  detail: string;
}

export interface LogSession {
  /** file + protocol + session id, unique within the case. */
  key: string;
  file: string;
  protocol: string;
  session: number;
  ip: string | null;
  start: string;
  end: string;
  helo: string | null;
  authUser: string | null;
  authResult: 'ok' | 'failed' | null;
  mailFrom: string | null;
  rcptTo: string[];
  /** Response codes/texts of note (e.g. "550 Delivery is not allowed to this address."). */
  responses: string[];
  bytes: number;
  lineCount: number;
  firstLine: number;
  lastLine: number;
}

export interface UnparsedLine { file: string; lineNo: number; text: string; reason: string }

/** Credentials found in logs; the secret is kept only so the UI can reveal it on request. */
export interface ExposedCredential {
  file: string;
  lineNo: number;
  localTime: string;
  ip: string | null;
  account: string;
  mechanism: string;
  secret: string;
}

/**
 * A point where a log's local clock went back: a line written more than a minute before the latest time
 * already in the file. In a log kept in time order this happens only when daylight saving ends.
 */
export interface ClockSetback {
  lineNo: number;
  /** The latest local time before the line. */
  from: string;
  /** The line's own local time. */
  to: string;
}

export interface LogFileStats {
  path: string;
  lines: number;
  unparsed: number;
  first: string | null;
  last: string | null;
  /** Present when the file's clock went back: the first setbacks, and how many there were in all. */
  setbacks?: { listed: ClockSetback[]; total: number };
}

export interface LogData {
  files: LogFileStats[];
  sessions: LogSession[];
  events: LogEvent[];
  credentials: ExposedCredential[];
  unparsed: UnparsedLine[];
  unparsedTotal: number;
}
