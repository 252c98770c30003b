/**
 * Streaming log parsing for the pipeline: one accumulator per case, every log file streamed into it line by line
 * (never held whole), then finished into LogData. Sessions keep only their first/last line numbers: the
 * transcript view re-reads those lines from the evidence.
 */
import type { ExposedCredential, LogData, LogEvent, LogLine, LogSession, UnparsedLine } from '../model/logEvent.ts';
import { throwIfAborted } from '../ingest/throwIfAborted.ts';
import { classifyDeliveries } from './classifyDeliveries.ts';
import { applySessionLine } from './sessionLine.ts';
import { createLineSplitter } from './lineSplitter.ts';
import { MAX_LINE_CHARS, MAX_UNPARSED_SAMPLE_CHARS, MAX_UNPARSED_SAMPLES } from './logLimits.ts';
import { createSetbackTracker } from './clockSetbacks.ts';
import type { LogSink, PendingDelivery } from './logSink.ts';
import { parseLogLine } from './parseLogLine.ts';
import { serverLineEvents } from './serverLineEvents.ts';
import { closeSession, type SessionState } from './sessionState.ts';
import { compareStrings } from '../model/compareStrings.ts';

export interface LogAccumulator {
  files: LogData['files'];
  sessions: LogSession[];
  events: LogEvent[];
  credentials: ExposedCredential[];
  unparsed: UnparsedLine[];
  unparsedTotal: number;
  /** APPLICATION "Delivering message" lines, told local or remote by finishLogs. */
  deliveries: PendingDelivery[];
}

export interface LogStreamOptions {
  signal?: AbortSignal;
  /** Bytes of this file read so far. */
  onProgress?(bytes: number): void;
}

export interface FinishLogsOptions {
  /** The server's own mail domains (hm_domains): tells local deliveries from remote ones. */
  localDomains?: Iterable<string>;
}

const STARTING = 'Starting servers...';
const STARTED = 'Servers started.';

export function createLogAccumulator(): LogAccumulator {
  return { files: [], sessions: [], events: [], credentials: [], unparsed: [], unparsedTotal: 0, deliveries: [] };
}

function sinkFor(acc: LogAccumulator): LogSink {
  return {
    event(line: LogLine, kind, account, detail, ip) {
      acc.events.push({
        kind,
        localTime: line.localTime,
        file: line.file,
        lineNo: line.lineNo,
        protocol: line.type,
        session: line.session,
        ip: ip === undefined ? line.ip : ip,
        account,
        detail,
      });
    },
    credential(c) {
      acc.credentials.push(c);
    },
    delivery(d) {
      acc.deliveries.push(d);
    },
  };
}

export async function parseLogStream(path: string, stream: ReadableStream<Uint8Array>, acc: LogAccumulator, options: LogStreamOptions = {}): Promise<void> {
  const sink = sinkFor(acc);
  const stats: LogData['files'][number] = { path, lines: 0, unparsed: 0, first: null, last: null };
  const open = new Map<string, SessionState>();
  let run = 0;
  let lastMarker: string | null = null;
  const setbacks = createSetbackTracker();

  const closeAll = () => {
    for (const s of open.values()) acc.sessions.push(closeSession(s));
    open.clear();
  };

  const unparsed = (lineNo: number, text: string, reason: string) => {
    stats.unparsed++;
    acc.unparsedTotal++;
    if (acc.unparsed.length < MAX_UNPARSED_SAMPLES) acc.unparsed.push({ file: path, lineNo, text: text.slice(0, MAX_UNPARSED_SAMPLE_CHARS), reason });
  };

  /** Session ids restart at every service start (hmailserver.md §4.5): a new run keeps their keys apart. */
  const marker = (line: LogLine) => {
    if (line.text === STARTING || (line.text === STARTED && lastMarker !== STARTING)) {
      closeAll();
      run++;
      sink.event(line, 'server-start', null, line.text);
    }
    lastMarker = line.text;
  };

  const splitter = createLineSplitter((text, lineNo, overlong) => {
    stats.lines++;
    if (overlong) return unparsed(lineNo, text, `line longer than ${MAX_LINE_CHARS} characters`);
    const parsed = parseLogLine(text, path, lineNo);
    if ('error' in parsed) return unparsed(lineNo, text, parsed.error);
    if (stats.first === null || parsed.localTime < stats.first) stats.first = parsed.localTime;
    if (stats.last === null || parsed.localTime > stats.last) stats.last = parsed.localTime;
    setbacks.line(parsed.localTime, lineNo);
    if (parsed.type === 'APPLICATION' && (parsed.text === STARTING || parsed.text === STARTED)) return marker(parsed);
    if (parsed.session === null) return serverLineEvents(parsed, sink);
    applySessionLine(open, parsed, run, sink);
  });

  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      throwIfAborted(options.signal);
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      splitter.push(value);
      options.onProgress?.(bytes);
    }
    splitter.end();
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    closeAll();
    const found = setbacks.result();
    acc.files.push(found ? { ...stats, setbacks: found } : stats);
  }
}

function compareEvents(a: LogEvent, b: LogEvent): number {
  return compareStrings(a.localTime, b.localTime) || compareStrings(a.file, b.file) || a.lineNo - b.lineNo || compareStrings(a.kind, b.kind) || compareStrings(a.account ?? '', b.account ?? '');
}

/** ERROR lines are written to the error log and copied to the main log (hmailserver.md §4.5): keep one. */
function withoutDuplicateErrors(events: LogEvent[]): LogEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (e.kind !== 'error') return true;
    const key = `${e.localTime}\u0000${e.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function finishLogs(acc: LogAccumulator, options: FinishLogsOptions = {}): LogData {
  const deliveries = classifyDeliveries(acc.deliveries, acc.events, acc.sessions, options.localDomains ?? []);
  const events = withoutDuplicateErrors([...acc.events, ...deliveries].sort(compareEvents));
  const sessions = [...acc.sessions].sort(
    (a, b) => compareStrings(a.start, b.start) || compareStrings(a.file, b.file) || a.firstLine - b.firstLine || compareStrings(a.key, b.key),
  );
  return {
    files: [...acc.files].sort((a, b) => compareStrings(a.path, b.path)),
    sessions,
    events,
    credentials: [...acc.credentials].sort((a, b) => compareStrings(a.file, b.file) || a.lineNo - b.lineNo),
    unparsed: [...acc.unparsed].sort((a, b) => compareStrings(a.file, b.file) || a.lineNo - b.lineNo),
    unparsedTotal: acc.unparsedTotal,
  };
}
