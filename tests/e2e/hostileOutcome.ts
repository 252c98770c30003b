/** What happened to one hostile case in the browser, in the words of issue 15's table. */

export type HostileOutcome = 'analysed' | 'error shown' | 'crash' | 'hang' | 'loss' | 'script run' | 'request';

export interface HostileObservation {
  state: 'done' | 'error' | 'timeout' | 'page-crashed';
  statusText: string;
  pageErrors: string[];
  requests: string[];
  scriptRan: boolean;
  /** Good inventory paths not read (status not ok, or absent). */
  lost: string[];
  accounts: number | null;
  minAccounts: number;
}

/** The worst thing that happened, in the order an examiner cares: a script, a request, a crash, a hang, lost evidence. */
export function hostileOutcome(o: HostileObservation): HostileOutcome {
  if (o.scriptRan) return 'script run';
  if (o.requests.length > 0) return 'request';
  if (o.state === 'page-crashed' || o.pageErrors.length > 0) return 'crash';
  if (o.state === 'timeout') return 'hang';
  if (o.lost.length > 0 || (o.accounts !== null && o.accounts < o.minAccounts)) return 'loss';
  return o.state === 'error' ? 'error shown' : 'analysed';
}

/** Cases × outcome as a fixed-width table, with the count of each outcome at the end. */
export function outcomeTable(rows: { id: string; outcome: HostileOutcome; note: string }[]): string {
  const width = rows.reduce((w, r) => Math.max(w, r.id.length), 4);
  const lines = [`${'case'.padEnd(width)}  outcome      note`, `${'-'.repeat(width)}  -----------  ----`];
  for (const r of rows) lines.push(`${r.id.padEnd(width)}  ${r.outcome.padEnd(11)}  ${r.note.slice(0, 120)}`);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  lines.push('', [...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
  return lines.join('\n');
}
