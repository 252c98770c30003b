/** Everything the pipeline hands to the case database at the end of a run, to be written as case_* tables. */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { MessageLink } from '../model/caseData.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { ServerSection } from '../report/findingsJson.ts';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

export interface StoredCase {
  /**
   * The case without what is already in the case database or follows in StoredCaseRows: no message
   * summaries (their rows were appended while parsing), no links and no inventory, and of the hm_messages
   * rows only those a missing-file finding names.
   */
  caseData: CaseData;
  findings: Finding[];
  /** findings.json, gzip-compressed (gzipChunks): it lists every message. */
  findingsJsonGz: Uint8Array;
  /** Its `server` block, kept readable for the HTML report. */
  server: ServerSection;
}

/**
 * The bulk of a run's end, one slice at a time after StoredCase (storeCaseRows): a 100,000-message case
 * has as many links and inventory rows and three times as many timeline events, which in one message would
 * exist three times over at once (the sender's objects, the structured clone, the receiver's objects).
 */
export interface StoredCaseRows {
  /** Each message file's link with its thread number. */
  links?: { link: MessageLink; threadId: number | null }[];
  inventory?: InventoryEntry[];
  /** In timeline order: a slice follows the one before it. */
  timeline?: TimelineEvent[];
  /** The last slice: the timeline's pre-counted buckets are counted after it. */
  last?: boolean;
}
