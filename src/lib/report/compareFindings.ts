/** The one ordering of findings everywhere (findings.json, tables, report): type, then ref values. */
import type { Finding, FindingRef } from '../model/finding.ts';

const REF_KEYS: (keyof FindingRef)[] = ['message', 'account', 'ip', 'file', 'setting'];

function refKey(ref: FindingRef): string {
  return REF_KEYS.map((k) => ref[k] ?? '').join('\u0000');
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const ka = refKey(a.ref);
  const kb = refKey(b.ref);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const da = JSON.stringify(a.details);
  const db = JSON.stringify(b.details);
  return da < db ? -1 : da > db ? 1 : 0;
}
