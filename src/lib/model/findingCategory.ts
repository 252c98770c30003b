/** The categories the Indicators tab and the report group findings by (findings-schema.md's sections). */
import type { FindingType } from './finding.ts';

export type FindingCategory = 'Integrity' | 'Authenticity' | 'Spam' | 'Abuse' | 'Attachments' | 'Configuration & accounts';

const CATEGORY: Record<FindingType, FindingCategory> = {
  'orphan-file': 'Integrity',
  'missing-file': 'Integrity',
  'size-mismatch': 'Integrity',
  'date-skew': 'Integrity',
  'duplicate-message': 'Integrity',
  'uid-gap': 'Integrity',
  'parse-error': 'Integrity',
  'evidence-damaged': 'Integrity',
  'server-stub-message': 'Integrity',
  'dkim-body-hash-mismatch': 'Authenticity',
  'dkim-signature-invalid': 'Authenticity',
  'dkim-signature-valid': 'Authenticity',
  'from-return-path-mismatch': 'Authenticity',
  'reply-to-mismatch': 'Authenticity',
  'display-name-spoof': 'Authenticity',
  'lookalike-domain': 'Authenticity',
  'received-chain-anomaly': 'Authenticity',
  'spam-flagged': 'Spam',
  'spf-fail': 'Spam',
  'helo-suspicious': 'Spam',
  'relay-external-to-external': 'Abuse',
  'brute-force-source': 'Abuse',
  'auth-after-failures': 'Abuse',
  'sending-spike': 'Abuse',
  'blocked-attachment': 'Attachments',
  'double-extension': 'Attachments',
  'content-type-mismatch': 'Attachments',
  'executable-in-archive': 'Attachments',
  'attachment-removed-by-server': 'Attachments',
  'attachment-blocking-disabled': 'Configuration & accounts',
  'spam-test-disabled': 'Configuration & accounts',
  'open-relay-range': 'Configuration & accounts',
  'autoban-disabled': 'Configuration & accounts',
  'weak-password': 'Configuration & accounts',
  'forwarding-configured': 'Configuration & accounts',
  'credential-exposed-in-log': 'Configuration & accounts',
};

export function findingCategory(type: FindingType): FindingCategory {
  return CATEGORY[type];
}
