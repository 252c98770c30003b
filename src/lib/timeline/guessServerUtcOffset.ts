/**
 * The server's time zone, guessed from the Received stamps it wrote itself (the hop `by` its own host name,
 * hmailserver.md §3.4): hMailServer writes local time in logs and the database, but its stamps carry the offset.
 */
import type { CaseData } from '../model/caseData.ts';
import { compareStrings } from '../analyze/support/compareStrings.ts';
import { serverHostNames } from '../analyze/support/serverHostNames.ts';
import { serverReceivedHop } from '../analyze/support/serverReceivedHop.ts';

export interface ServerUtcOffsetGuess {
  /** Minutes east of UTC. */
  minutes: number;
  /** How it was found, in words an examiner can quote. */
  basis: string;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function guessServerUtcOffset(caseData: CaseData): ServerUtcOffsetGuess | null {
  const names = serverHostNames(caseData);
  const counts = new Map<number, number>();
  let stamped = 0;
  for (const m of caseData.messages) {
    const offset = serverReceivedHop(m, names)?.offsetMinutes;
    if (offset === null || offset === undefined) continue;
    counts.set(offset, (counts.get(offset) ?? 0) + 1);
    stamped++;
  }
  if (stamped === 0) return null;
  const ranked = [...counts].sort(([a, na], [b, nb]) => nb - na || Math.abs(a) - Math.abs(b) || a - b);
  const [minutes, n] = ranked[0];
  const by = [...names].sort(compareStrings).join(' / ') || 'the topmost hop';
  const others = ranked.slice(1).map(([o, c]) => `${formatOffset(o)} in ${c}`).join(', ');
  const also = others ? `; also ${others} (a daylight saving change or a moved server: check the dates)` : '';
  return {
    minutes,
    basis: `UTC${formatOffset(minutes)}, the offset of the server's own Received stamps (by ${by}) in ${n} of ${stamped} messages${also}`,
  };
}
