/** What the story is built from: the case's findings (details parsed) and the few case facts they point at. */
import type { FindingRef, Severity } from '../../model/finding.ts';
import type { ServerZone } from '../../model/serverZone.ts';

export interface StoryFinding {
  id: number;
  type: string;
  severity: Severity;
  summary: string;
  ref: FindingRef;
  details: Record<string, unknown>;
}

/** A message some finding names, as the case database knows it. */
export interface StoryMessage {
  subject: string;
  from: string;
  /** The Date header as UTC, or null when it had none or it did not parse. */
  dateUtc: string | null;
}

export interface StoryInput {
  findings: StoryFinding[];
  zone: ServerZone;
  /** By evidence-relative path; only the messages the findings name need to be here. */
  messages: Record<string, StoryMessage>;
  /** The log session holding a line, so a step can open it; null when the line is in no session. */
  sessionAt(file: string, line: number): { key: string; label: string } | null;
}

/** How a step names the log session it links to ("SMTPD session 12 from 203.0.113.9"). */
export function sessionLabel(protocol: string, session: number | string, ip: string | null): string {
  return `${protocol} session ${session}${ip ? ` from ${ip}` : ''}`;
}
