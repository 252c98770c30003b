/**
 * The Overview's "What happened here" and the report's executive summary: attack chains told as steps an
 * examiner can read aloud, each with its times, its confidence and the evidence that supports it.
 * Plain data (it crosses the worker boundary), built only from findings and case data.
 */
import type { Severity } from '../../model/finding.ts';

/** How firmly the evidence supports a step: recorded as such, inferred from strong signs, or only consistent with it. */
export type Confidence = 'confirmed' | 'likely' | 'possible';

/** What the UI opens for a step: the finding, a message, a log session, an account or an address's log sessions. */
export type EvidenceLink =
  | { kind: 'finding'; findingId: number; type: string }
  | { kind: 'message'; path: string }
  | { kind: 'session'; key: string; label: string }
  | { kind: 'account'; address: string }
  | { kind: 'ip'; ip: string };

/** One instant in both clocks; `server` is the server's wall-clock time in `zone`. */
export interface StepTime {
  utc: string;
  server: string;
  zone: string;
}

export interface StoryStep {
  /** One plain-language sentence. */
  text: string;
  /** When it happened; null when the evidence gives no time (a setting, a forwarding rule). */
  time: StepTime | null;
  confidence: Confidence;
  evidence: EvidenceLink[];
}

export type ChainKind = 'compromised-account' | 'altered-message' | 'mail-leaves-server' | 'risky-setting';

export interface StoryChain {
  kind: ChainKind;
  /** A stable id within one case ("compromised-account:ben@example.com"), for test hooks and anchors. */
  id: string;
  title: string;
  severity: Severity;
  steps: StoryStep[];
}
