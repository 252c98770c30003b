/** What the HTML report is made from: the case database's content, gathered by src/lib/store/reportInput.ts. */
import type { Severity } from '../../model/finding.ts';
import type { ReportOptions } from '../../model/reportOptions.ts';
import type { RatedSetting } from '../formatSettingRisk.ts';
import type { StoryChain } from '../story/storyChain.ts';

export interface ReportFinding {
  id: number;
  type: string;
  severity: Severity;
  category: string;
  summary: string;
  ref: Record<string, string>;
  /** The finding's details as parsed JSON; the report shows a few key ones, findings.json has them all. */
  details: Record<string, unknown>;
  note: string | null;
}

export interface ReportBookmark {
  path: string;
  tags: string;
  note: string;
  subject: string;
  from: string;
  date: string | null;
  headers: { name: string; value: string }[];
}

export interface ReportSetting extends RatedSetting {
  label: string;
  value: string;
}

export interface ReportInput {
  generatedAt: string;
  version: string;
  caseDetails: { examiner: string; caseNumber: string; notes: string };
  options: ReportOptions;
  evidence: { name: string; size: number; md5: string; sha256: string }[];
  inventory: { path: string; kind: string; size: number; md5: string; sha256: string; status: string; error: string | null }[];
  server: { source: string; path: string | null; schemaVersion: number | null; maxMessageId: number | null; hostname: string | null; messages: number | null };
  /** The rated key settings (formatSettingRisk), in the Overview's order. */
  settings: ReportSetting[];
  findings: ReportFinding[];
  story: StoryChain[];
  timeline: { day: string; count: number }[];
  /** The zone the server's local times were read in, and why. */
  timeZone: { id: string; basis: string };
  /** Times kept off the timeline (placeholders, unknown zones), grouped by reason and event type. */
  timesLeftOut: { rows: { note: string; type: string; count: number; first: string; last: string }[]; total: number };
  bookmarks: ReportBookmark[];
}
