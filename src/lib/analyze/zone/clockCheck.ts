/**
 * Checks the server zone against the logs: the "250 Queued" line of an SMTP session and the Received stamp the
 * server wrote into that message are the same moment, one in the clock's local time, one with its offset. If
 * the zone is right they agree to the second; a whole-hour difference means the clock that wrote the logs ran
 * in another zone than the stamps say (a moved server, a changed Windows zone) and the examiner must choose.
 */
import type { CaseData } from '../../model/caseData.ts';
import { serverHostNames } from '../support/serverHostNames.ts';
import { serverReceivedHop } from '../support/serverReceivedHop.ts';
import { serverTimeUtc } from '../../time/localToUtc.ts';
import type { ServerZone } from '../../model/serverZone.ts';

/** A log line and a stamp further apart than this are not the same transaction. */
const MAX_PAIR_MS = 86_400_000;
/** The Received header is written as DATA ends, the reply a moment later: both fall within this. */
const SAME_MOMENT_MS = 2_000;

export interface ClockCheck {
  pairs: number;
  agreeing: number;
  /** Median of log time − stamp time, in seconds. */
  medianSeconds: number;
}

const ACCEPTED = /^message from (\S+) to /;

export function clockCheck(caseData: Pick<CaseData, 'database' | 'messages' | 'logs'>, zone: ServerZone): ClockCheck | null {
  const names = serverHostNames(caseData);
  const stamps = new Map<string, number[]>();
  for (const m of caseData.messages) {
    const hop = serverReceivedHop(m, names);
    const at = hop?.time ? Date.parse(hop.time) : Number.NaN;
    const sender = (m.returnPath ?? m.from?.address ?? '').replace(/^<|>$/g, '').toLowerCase();
    if (!hop?.ip || Number.isNaN(at)) continue;
    const key = `${hop.ip}|${sender}`;
    stamps.set(key, [...(stamps.get(key) ?? []), at]);
  }
  const diffs: number[] = [];
  for (const e of caseData.logs.events) {
    if (e.kind !== 'message-accepted' || !e.ip) continue;
    const sender = ACCEPTED.exec(e.detail)?.[1]?.toLowerCase() ?? '';
    const utc = serverTimeUtc(e.localTime, zone);
    const candidates = stamps.get(`${e.ip}|${sender}`);
    if (!utc || utc.secondOccurrenceMs !== null || !candidates) continue;
    const nearest = candidates.reduce((best, t) => (Math.abs(t - utc.utcMs) < Math.abs(best - utc.utcMs) ? t : best));
    if (Math.abs(nearest - utc.utcMs) <= MAX_PAIR_MS) diffs.push(utc.utcMs - nearest);
  }
  if (diffs.length === 0) return null;
  diffs.sort((a, b) => a - b);
  return {
    pairs: diffs.length,
    agreeing: diffs.filter((d) => Math.abs(d) <= SAME_MOMENT_MS).length,
    medianSeconds: Math.round(diffs[Math.floor(diffs.length / 2)] / 1000),
  };
}

function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  return `${seconds < 0 ? '−' : '+'}${h} h ${String(m).padStart(2, '0')} min`;
}

/** The check in words for the zone's basis; null when no log line could be paired with a stamp. */
export function clockCheckText(check: ClockCheck | null): string | null {
  if (!check) return null;
  if (check.agreeing * 2 > check.pairs) {
    return `log check: ${check.agreeing} of ${check.pairs} accepted messages in the SMTP log agree with their Received stamps to the second`;
  }
  return (
    `log check: the SMTP log's times differ from the Received stamps of the same ${check.pairs} messages by a median of ` +
    `${duration(check.medianSeconds)} (only ${check.agreeing} agree): the clock that wrote the logs ran in another zone than the stamps say; set its zone`
  );
}
