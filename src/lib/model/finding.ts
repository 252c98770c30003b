/** The findings contract of ../shared/reference/findings-schema.md: type names are part of it. */

export type Severity = 'info' | 'low' | 'medium' | 'high';

export const FINDING_TYPES = [
  'orphan-file',
  'missing-file',
  'size-mismatch',
  'date-skew',
  'duplicate-message',
  'uid-gap',
  'parse-error',
  'evidence-damaged',
  'server-stub-message',
  'dkim-body-hash-mismatch',
  'dkim-signature-invalid',
  'dkim-signature-valid',
  'from-return-path-mismatch',
  'reply-to-mismatch',
  'display-name-spoof',
  'lookalike-domain',
  'received-chain-anomaly',
  'spam-flagged',
  'spf-fail',
  'helo-suspicious',
  'relay-external-to-external',
  'brute-force-source',
  'auth-after-failures',
  'sending-spike',
  'blocked-attachment',
  'double-extension',
  'content-type-mismatch',
  'executable-in-archive',
  'attachment-removed-by-server',
  'attachment-blocking-disabled',
  'spam-test-disabled',
  'open-relay-range',
  'autoban-disabled',
  'weak-password',
  'forwarding-configured',
  'credential-exposed-in-log',
] as const;

export type FindingType = (typeof FINDING_TYPES)[number];

/** Only the keys that apply. A message-level finding always has `message` (evidence-relative path). */
export interface FindingRef {
  message?: string;
  account?: string;
  ip?: string;
  file?: string;
  setting?: string;
}

export interface Finding {
  type: FindingType;
  severity: Severity;
  ref: FindingRef;
  /** One sentence an examiner can paste into a report. */
  summary: string;
  details: Record<string, unknown>;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };
