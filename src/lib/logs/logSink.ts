/** Where the per-line interpreters put what they find; the accumulator implements it. */
import type { ExposedCredential, LogEventKind, LogLine } from '../model/logEvent.ts';

/** An APPLICATION "Delivering message" line: local or remote is decided once all logs are read. */
export interface PendingDelivery {
  line: LogLine;
  messageId: string;
  sender: string;
  recipients: string[];
  messageFile: string;
}

export interface LogSink {
  event(line: LogLine, kind: LogEventKind, account: string | null, detail: string, ip?: string | null): void;
  credential(credential: ExposedCredential): void;
  delivery(delivery: PendingDelivery): void;
}
