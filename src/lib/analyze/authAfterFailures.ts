/**
 * `auth-after-failures`: a successful logon from an IP that had just failed to log on several times — the
 * password was likely guessed (hmailserver.md §4.4). Enriched with what the logs show the intruder did next:
 * the SMTP sessions after the success that authenticated as the account or came from the same IP, with their
 * senders and (external) recipients, so relay findings can be linked by account.
 */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { LogData, LogEvent, LogSession } from '../model/logEvent.ts';
import { logTimeIso, logTimeMs } from '../time/logTime.ts';
import type { ServerZone } from '../model/serverZone.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';
import { domainOf } from './support/domainOf.ts';
import { localDomains } from './support/localDomains.ts';

/** Failures further back than this before the success are not counted: they belong to another episode. */
const LOOKBACK_MS = 24 * 3_600_000;
/** Failures needed before a success: one or two mistyped passwords are ordinary (the brute-force threshold if lower). */
const MIN_FAILURES = 3;
/** Sessions listed in details; the counts cover all of them. */
const MAX_SESSIONS_LISTED = 50;

interface Timed { e: LogEvent; ms: number }

const compareTimed = (a: Timed, b: Timed) => a.ms - b.ms || compareStrings(a.e.file, b.e.file) || a.e.lineNo - b.e.lineNo;

/** Index of the first item not before `ms` (items sorted by ms). */
function lowerBound(items: Timed[], ms: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].ms < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function timed(logs: LogData, zone: ServerZone, events: LogEvent[]): Timed[] {
  return events
    .map((e) => ({ e, ms: logTimeMs(logs, zone, e) }))
    .filter((t): t is Timed => t.ms !== null)
    .sort(compareTimed);
}

function activityAfter(caseData: CaseData, account: string, ip: string, since: string, local: Set<string>) {
  const who = account.toLowerCase();
  const sessions = caseData.logs.sessions
    .filter((s) => s.protocol === 'SMTPD' && s.start >= since && (s.mailFrom !== null || s.rcptTo.length > 0))
    .map((s) => ({ s, basis: basisOf(s, who, ip) }))
    .filter((x): x is { s: LogSession; basis: string } => x.basis !== null)
    .sort((a, b) => compareStrings(a.s.start, b.s.start) || compareStrings(a.s.key, b.s.key));
  const recipients = new Set<string>();
  for (const { s } of sessions) for (const r of s.rcptTo) recipients.add(r.toLowerCase());
  const external = local.size === 0 ? null : [...recipients].filter((r) => !local.has(domainOf(r) ?? ''));
  const mailbox = caseData.logs.events.filter(
    (e) => e.kind === 'logon-ok' && (e.protocol === 'POP3D' || e.protocol === 'IMAPD') && e.account?.toLowerCase() === who && e.localTime >= since,
  ).length;
  return {
    smtpSessions: sessions.length,
    senders: [...new Set(sessions.map(({ s }) => s.mailFrom).filter((f): f is string => f !== null))].sort(compareStrings),
    recipients: recipients.size,
    externalRecipients: external?.length ?? null,
    externalRecipientDomains: external ? [...new Set(external.map((r) => domainOf(r) ?? r))].sort(compareStrings) : null,
    mailboxLogonsAfter: mailbox,
    sessions: sessions.slice(0, MAX_SESSIONS_LISTED).map(({ s, basis }) => ({
      session: s.key,
      start: s.start,
      ip: s.ip,
      mailFrom: s.mailFrom,
      rcptTo: s.rcptTo,
      basis,
    })),
  };
}

/** Why a later session is taken as the intruder's: it authenticated as the account, or came from the IP unauthenticated. */
function basisOf(s: LogSession, account: string, ip: string): string | null {
  if (s.authResult === 'ok' && s.authUser?.toLowerCase() === account) return 'authenticated as the account';
  if (s.ip === ip && s.authResult !== 'ok') return 'same IP, no other logon in the session';
  return null;
}

export const authAfterFailures: Analyzer = {
  id: 'authAfterFailures',
  findingTypes: ['auth-after-failures'],
  needs: ['logs'],
  run(caseData, options) {
    const zone = caseData.serverZone;
    const min = Math.max(1, Math.min(MIN_FAILURES, options.bruteForceMinFailures));
    const failuresByIp = new Map<string, Timed[]>();
    for (const t of timed(caseData.logs, zone, caseData.logs.events.filter((e) => e.kind === 'logon-failed' && e.ip))) {
      const list = failuresByIp.get(t.e.ip as string);
      if (list) list.push(t);
      else failuresByIp.set(t.e.ip as string, [t]);
    }
    const lastSuccess = new Map<string, number>();
    const found = new Map<string, { success: Timed; failures: Timed[]; successes: number }>();
    for (const success of timed(caseData.logs, zone, caseData.logs.events.filter((e) => e.kind === 'logon-ok' && e.ip && e.account))) {
      const ip = success.e.ip as string;
      const key = `${(success.e.account as string).toLowerCase()}\u0000${ip}`;
      const from = Math.max(success.ms - LOOKBACK_MS, lastSuccess.get(key) ?? -Infinity);
      lastSuccess.set(key, success.ms);
      const list = failuresByIp.get(ip) ?? [];
      const failures = list.slice(lowerBound(list, from), lowerBound(list, success.ms + 1)).filter((f) => compareTimed(f, success) < 0);
      if (failures.length < min) continue;
      const prior = found.get(key);
      if (prior) prior.successes++;
      else found.set(key, { success, failures, successes: 1 });
    }
    const local = localDomains(caseData);
    const findings: Finding[] = [];
    for (const { success, failures, successes } of found.values()) {
      const account = success.e.account as string;
      const ip = success.e.ip as string;
      const same = failures.filter((f) => f.e.account?.toLowerCase() === account.toLowerCase()).length;
      const others = [...new Set(failures.map((f) => f.e.account).filter((a): a is string => !!a && a.toLowerCase() !== account.toLowerCase()))].sort(compareStrings);
      const activity = activityAfter(caseData, account, ip, success.e.localTime, local);
      const then =
        activity.smtpSessions === 0
          ? 'the logs show no mail sent afterwards by this account or from this address'
          : `afterwards the logs show ${activity.smtpSessions} SMTP session${activity.smtpSessions === 1 ? '' : 's'} sending to ${activity.recipients} recipient${activity.recipients === 1 ? '' : 's'}${activity.externalRecipients === null ? '' : ` (${activity.externalRecipients} external)`}`;
      findings.push({
        type: 'auth-after-failures',
        severity: 'high',
        ref: { account, ip },
        summary: `${account} logged on over ${success.e.protocol} from ${ip} at ${success.e.localTime} (server time) after ${failures.length} failed logons from that address, a likely password compromise; ${then}.`,
        details: {
          failuresBefore: failures.length,
          failuresForThisAccount: same,
          otherAccountsTried: others,
          firstFailureLocal: failures[0].e.localTime,
          successLocal: success.e.localTime,
          successUtc: logTimeIso(caseData.logs, zone, success.e),
          serverZone: zone.id,
          protocol: success.e.protocol,
          successLine: { file: success.e.file, lineNo: success.e.lineNo },
          laterSuccessesAfterFailures: successes - 1,
          activityAfter: activity,
        },
      });
    }
    return findings.sort((a, b) => compareStrings(a.ref.account ?? '', b.ref.account ?? '') || compareStrings(a.ref.ip ?? '', b.ref.ip ?? ''));
  },
};
