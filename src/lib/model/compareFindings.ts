/** The one ordering of findings everywhere (findings.json, tables, report): type, then ref values. */
import { compareStrings } from './compareStrings.ts';
import type { Finding, FindingRef } from './finding.ts';

const REF_KEYS: (keyof FindingRef)[] = ['message', 'account', 'ip', 'file', 'setting'];

function refKey(ref: FindingRef): string {
  return REF_KEYS.map((k) => ref[k] ?? '').join('\u0000');
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.type, b.type) ||
    compareStrings(refKey(a.ref), refKey(b.ref)) ||
    compareStrings(JSON.stringify(a.details), JSON.stringify(b.details))
  );
}
