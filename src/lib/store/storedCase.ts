/** Everything the pipeline hands to the case database at the end of a run, to be written as case_* tables. */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

export interface StoredIoc {
  kind: string;
  value: string;
  messages: string[];
}

export interface StoredCase {
  caseData: CaseData;
  findings: Finding[];
  timeline: TimelineEvent[];
  iocs: StoredIoc[];
  threads: Record<string, number>;
  findingsJson: string;
}
