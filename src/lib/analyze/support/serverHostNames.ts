/**
 * Names the server stamps in `Received: … by <name>` (hmailserver.md §3.4): the `hostname` setting, and the
 * `by` most often seen on the top hop of stored mail (the setting may be empty or have changed).
 */
import type { CaseData } from '../../model/caseData.ts';
import { compareStrings } from '../../model/compareStrings.ts';
import { settingValue } from './settingValue.ts';

export function serverHostNames(caseData: Pick<CaseData, 'database' | 'messages'>): Set<string> {
  const names = new Set<string>();
  const configured = settingValue(caseData.database, 'hostname')?.string.trim().toLowerCase();
  if (configured) names.add(configured);
  const counts = new Map<string, number>();
  for (const m of caseData.messages) {
    const by = m.received[0]?.by?.trim().toLowerCase();
    if (by) counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, na], [b, nb]) => nb - na || compareStrings(a, b));
  if (ranked.length > 0) names.add(ranked[0][0]);
  return names;
}
