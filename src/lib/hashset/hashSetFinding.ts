/**
 * The finding a known-bad hash set match becomes. It is made after the run, from a list the examiner
 * loads, so it is not one of the run's analyzer types (FINDING_TYPES) and never appears in findings.json;
 * it lives in the case (case_findings) beside them, with the same shape. README "Hash sets" documents it.
 */
import type { FindingCategory } from '../model/findingCategory.ts';
import type { FindingRef, Severity } from '../model/finding.ts';
import type { HashAlgo } from './hashSetLines.ts';

export const HASH_SET_FINDING_TYPE = 'hash-set-match';

export type HashSetVerdict = 'bad' | 'good';

export interface HashSetMatch {
  set: string;
  algo: HashAlgo;
  hash: string;
  path: string;
  attachment: string | null;
  message: boolean;
}

export interface HashSetFinding {
  type: typeof HASH_SET_FINDING_TYPE;
  severity: Severity;
  category: FindingCategory;
  summary: string;
  ref: FindingRef;
  details: { set: string; algo: HashAlgo; hash: string; attachment?: string };
}

const ALGO_LABEL: Record<HashAlgo, string> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' };

export function hashSetFinding(m: HashSetMatch): HashSetFinding {
  const what = m.attachment !== null ? `Attachment "${m.attachment}" of ${m.path}` : `File ${m.path}`;
  return {
    type: HASH_SET_FINDING_TYPE,
    severity: 'high',
    category: m.attachment !== null ? 'Attachments' : 'Integrity',
    summary: `${what} matches the known-bad hash set "${m.set}" (${ALGO_LABEL[m.algo]} ${m.hash}).`,
    ref: m.message ? { message: m.path } : { file: m.path },
    details: { set: m.set, algo: m.algo, hash: m.hash, ...(m.attachment !== null ? { attachment: m.attachment } : {}) },
  };
}
