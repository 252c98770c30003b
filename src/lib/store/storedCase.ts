/** Everything the pipeline hands to the case database at the end of a run, to be written as case_* tables. */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { ServerSection } from '../report/findingsJson.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

export interface StoredCase {
  /**
   * The case without what is already in the case database: no message summaries (their rows were appended
   * while parsing), and of the hm_messages rows only those a missing-file finding names.
   */
  caseData: CaseData;
  findings: Finding[];
  timeline: TimelineEvent[];
  threads: Record<string, number>;
  /** findings.json, gzip-compressed (gzipChunks): it lists every message. */
  findingsJsonGz: Uint8Array;
  /** Its `server` block, kept readable for the HTML report. */
  server: ServerSection;
}
