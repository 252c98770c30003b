/**
 * `sending-spike`: an account sending far above its own baseline in one hour — the pattern of a stolen
 * mailbox used for spam. Sends come from the SMTP log (authenticated sessions with a MAIL FROM), else
 * from the database (Sent folders and queue rows whose envelope sender is a local account).
 */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';
import { localTimeToUtcMs } from '../time/localToUtc.ts';
import { logTimeMs } from '../time/logTime.ts';

const HOUR_MS = 3_600_000;
/** Spike hours listed per account; the worst comes first. */
const MAX_LISTED_HOURS = 20;
const SENT_FOLDER = /(^|[./])sent( items| messages| mail)?$/i;

interface Send { account: string; ms: number }

function sendsFromLogs(caseData: CaseData): Send[] {
  const sends: Send[] = [];
  for (const s of caseData.logs.sessions) {
    if (!s.authUser || s.authResult !== 'ok' || !s.mailFrom) continue;
    const ms = logTimeMs(caseData.logs, caseData.serverZone, { file: s.file, lineNo: s.firstLine, localTime: s.start });
    if (ms !== null) sends.push({ account: s.authUser.toLowerCase(), ms });
  }
  return sends;
}

function sendsFromDatabase(caseData: CaseData): Send[] {
  const db = caseData.database;
  if (!db) return [];
  const accounts = new Map(db.accounts.map((a) => [a.id, a.address.toLowerCase()]));
  const localAddresses = new Set(accounts.values());
  const sentFolders = new Set(db.folders.filter((f) => f.accountId > 0 && SENT_FOLDER.test(f.fullPath)).map((f) => f.id));
  const sends: Send[] = [];
  for (const m of db.messages) {
    const ms = localTimeToUtcMs(m.createTime, caseData.serverZone);
    if (ms === null) continue;
    const account = sentFolders.has(m.folderId) ? accounts.get(m.accountId) : m.type === 1 && localAddresses.has(m.from.toLowerCase()) ? m.from.toLowerCase() : undefined;
    if (account) sends.push({ account, ms });
  }
  return sends;
}

/** Median of hourly counts over `totalHours` hours, of which only the `active` ones are non-zero. */
function medianWithZeros(active: number[], totalHours: number): number {
  const sorted = [...active].sort((a, b) => a - b);
  const zeros = totalHours - sorted.length;
  const at = (i: number) => (i < zeros ? 0 : sorted[i - zeros]);
  return totalHours % 2 === 1 ? at((totalHours - 1) / 2) : (at(totalHours / 2 - 1) + at(totalHours / 2)) / 2;
}

function hourText(hour: number): string {
  return new Date(hour * HOUR_MS).toISOString().slice(0, 13).replace('T', ' ') + ':00';
}

export const sendingSpike: Analyzer = {
  id: 'sendingSpike',
  findingTypes: ['sending-spike'],
  needs: [],
  run(caseData, options) {
    const fromLogs = sendsFromLogs(caseData);
    const sends = fromLogs.length > 0 ? fromLogs : sendsFromDatabase(caseData);
    if (sends.length === 0) return [];
    const source = fromLogs.length > 0 ? 'SMTP log (authenticated sessions)' : 'database (Sent folders and queued mail from local senders)';
    let first = Infinity;
    let last = -Infinity;
    for (const s of sends) {
      const hour = Math.floor(s.ms / HOUR_MS);
      first = Math.min(first, hour);
      last = Math.max(last, hour);
    }
    const totalHours = last - first + 1;
    const perAccount = new Map<string, Map<number, number>>();
    for (const s of sends) {
      const counts = perAccount.get(s.account) ?? new Map<number, number>();
      const hour = Math.floor(s.ms / HOUR_MS);
      counts.set(hour, (counts.get(hour) ?? 0) + 1);
      perAccount.set(s.account, counts);
    }
    const findings: Finding[] = [];
    for (const [account, counts] of [...perAccount].sort(([a], [b]) => compareStrings(a, b))) {
      const median = medianWithZeros([...counts.values()], totalHours);
      const spikes = [...counts]
        .filter(([, n]) => n >= options.sendingSpikeMinMessages && n > options.sendingSpikeFactor * median)
        .sort(([ha, a], [hb, b]) => b - a || ha - hb);
      if (spikes.length === 0) continue;
      const [worstHour, worst] = spikes[0];
      findings.push({
        type: 'sending-spike',
        severity: 'medium',
        ref: { account },
        summary: `${account} sent ${worst} messages in the hour from ${hourText(worstHour)} UTC, against a median of ${median} per hour over the ${totalHours} hours covered: far above its own baseline, as when a stolen account is used for spam.`,
        details: {
          source,
          medianPerHour: median,
          hoursCovered: totalHours,
          factor: options.sendingSpikeFactor,
          minMessages: options.sendingSpikeMinMessages,
          spikes: spikes.slice(0, MAX_LISTED_HOURS).map(([hour, n]) => ({ hour: hourText(hour), messages: n })),
          totalSent: [...counts.values()].reduce((a, b) => a + b, 0),
        },
      });
    }
    return findings;
  },
};
