/** The one signature every analyzer has: parsed evidence in, typed findings out, no I/O. */
import type { CaseData } from '../model/caseData.ts';
import type { Finding, FindingType } from '../model/finding.ts';

export type AnalyzerNeed = 'database' | 'messages' | 'logs';

export interface AnalyzerOptions {
  /** date-skew threshold between Date header and server receive time. */
  dateSkewHours: number;
  /** failed logons from one IP before it is a brute-force source. */
  bruteForceMinFailures: number;
  /** sending-spike: messages in one hour above this multiple of the account's hourly median. */
  sendingSpikeFactor: number;
  /** sending-spike: and at least this many messages in that hour. */
  sendingSpikeMinMessages: number;
  /** "now" for "in the future" checks, ISO UTC; fixed by the caller so results are deterministic. */
  now: string;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = {
  dateSkewHours: 24,
  bruteForceMinFailures: 5,
  sendingSpikeFactor: 5,
  sendingSpikeMinMessages: 20,
  now: '2100-01-01T00:00:00Z',
};

export interface Analyzer {
  id: string;
  findingTypes: FindingType[];
  needs: AnalyzerNeed[];
  /**
   * Its findings on a message depend only on that message, its link and the case's database and settings:
   * never on other messages, the logs or the server's time zone. Such an analyzer also runs on each batch
   * of messages while a run goes on, for provisional findings (runPerMessageAnalyzers).
   */
  perMessage?: true;
  run(caseData: CaseData, options: AnalyzerOptions): Finding[];
}
