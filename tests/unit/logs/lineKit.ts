/** For the per-line interpreter tests: log lines built field by field and a sink that records what it is told. */
import type { LogSink, PendingDelivery } from '../../../src/lib/logs/logSink.ts';
import type { ExposedCredential, LogEventKind, LogLine, LogLineType } from '../../../src/lib/model/logEvent.ts';

export const FILE = 'hMailServer/Logs/hmailserver_2024-05-06.log';

let nextLineNo = 1;

/** A line of one session; line numbers count up across calls so each line is told apart. */
export function line(type: LogLineType, text: string, fields: Partial<LogLine> = {}): LogLine {
  return { file: FILE, lineNo: nextLineNo++, type, thread: 1, session: 7, localTime: '2024-05-06 10:00:00.000', ip: '203.0.113.9', text, ...fields };
}

interface RecordedEvent {
  kind: LogEventKind;
  account: string | null;
  detail: string;
  ip?: string | null;
}

export interface RecordingSink extends LogSink {
  events: RecordedEvent[];
  credentials: ExposedCredential[];
  deliveries: PendingDelivery[];
}

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    events: [],
    credentials: [],
    deliveries: [],
    event(_line, kind, account, detail, ip) {
      sink.events.push(ip === undefined ? { kind, account, detail } : { kind, account, detail, ip });
    },
    credential(credential) {
      sink.credentials.push(credential);
    },
    delivery(delivery) {
      sink.deliveries.push(delivery);
    },
  };
  return sink;
}
