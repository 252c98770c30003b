/**
 * `brute-force-source`: one IP with many failed logons (SMTP AUTH, POP3, IMAP) in the logs (hmailserver.md §4.4).
 * Many accounts from one IP is password spraying, named as such; a later success from it raises the severity.
 */
import type { Finding } from '../model/finding.ts';
import type { LogEvent } from '../model/logEvent.ts';
import { logTimeIso, logTimeMs } from '../time/logTime.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

/** Distinct accounts tried from one IP from which the attempts are called password spraying. */
const SPRAYING_MIN_ACCOUNTS = 5;
/** Log lines cited per finding: enough to open the evidence, not every attempt of a million. */
const MAX_LINES_CITED = 20;
/** Accounts named in the summary sentence. */
const MAX_ACCOUNTS_NAMED = 3;

const compareText = (a: LogEvent, b: LogEvent) => compareStrings(a.localTime, b.localTime) || compareStrings(a.file, b.file) || a.lineNo - b.lineNo;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const bruteForceSource: Analyzer = {
  id: 'bruteForceSource',
  findingTypes: ['brute-force-source'],
  needs: ['logs'],
  run(caseData, options) {
    const zone = caseData.serverZone;
    // In time order, not local-text order: in the repeated hour a later line can read as an earlier time.
    const instant = new Map(caseData.logs.events.map((e) => [e, logTimeMs(caseData.logs, zone, e) ?? Number.NEGATIVE_INFINITY]));
    const compareEvents = (a: LogEvent, b: LogEvent) => instant.get(a)! - instant.get(b)! || compareText(a, b);
    const byIp = new Map<string, { failed: LogEvent[]; ok: LogEvent[]; banned: number; blocked: number }>();
    const entry = (ip: string) => {
      let e = byIp.get(ip);
      if (!e) byIp.set(ip, (e = { failed: [], ok: [], banned: 0, blocked: 0 }));
      return e;
    };
    for (const e of caseData.logs.events) {
      if (!e.ip) continue;
      if (e.kind === 'logon-failed') entry(e.ip).failed.push(e);
      else if (e.kind === 'logon-ok') entry(e.ip).ok.push(e);
      else if (e.kind === 'logon-banned') entry(e.ip).banned++;
      else if (e.kind === 'ip-blocked') entry(e.ip).blocked++;
    }
    const findings: Finding[] = [];
    for (const [ip, e] of [...byIp].sort(([a], [b]) => compareStrings(a, b))) {
      if (e.failed.length < Math.max(1, options.bruteForceMinFailures)) continue;
      const failed = [...e.failed].sort(compareEvents);
      const first = failed[0];
      const last = failed[failed.length - 1];
      const accounts = new Map<string, { account: string; failures: number }>();
      let unknownAccount = 0;
      for (const f of failed) {
        if (!f.account) {
          unknownAccount++;
          continue;
        }
        const key = f.account.toLowerCase();
        const a = accounts.get(key) ?? { account: f.account, failures: 0 };
        a.failures++;
        accounts.set(key, a);
      }
      const tried = [...accounts.values()].sort((a, b) => b.failures - a.failures || compareStrings(a.account, b.account));
      const protocols = [...new Set(failed.map((f) => f.protocol))].sort(compareStrings);
      const successes = e.ok
        .filter((s) => compareEvents(s, first) > 0)
        .sort(compareEvents)
        .map((s) => ({ account: s.account, localTime: s.localTime, protocol: s.protocol, file: s.file, lineNo: s.lineNo }));
      const spraying = tried.length >= SPRAYING_MIN_ACCOUNTS;
      const named = tried.slice(0, MAX_ACCOUNTS_NAMED).map((a) => a.account).join(', ');
      const more = tried.length > MAX_ACCOUNTS_NAMED ? ` and ${tried.length - MAX_ACCOUNTS_NAMED} more` : '';
      const target = tried.length === 0 ? 'with user names the log does not show' : `against ${plural(tried.length, 'account')} (${named}${more})`;
      const success = successes[0];
      findings.push({
        type: 'brute-force-source',
        severity: successes.length > 0 ? 'high' : 'medium',
        ref: { ip },
        summary:
          `${ip} failed to log on ${plural(failed.length, 'time')} over ${protocols.join(', ')} between ${first.localTime} and ${last.localTime} (server time) ${target}` +
          `${spraying ? ', a password-spraying pattern' : ''}` +
          (success ? `; a logon from this address then succeeded as ${success.account ?? 'an unnamed account'} at ${success.localTime}.` : '; no logon from this address succeeded.'),
        details: {
          failures: failed.length,
          pattern: spraying ? 'password-spraying' : 'brute-force',
          accountsTried: tried.map((a) => a.account),
          failuresByAccount: Object.fromEntries(tried.map((a) => [a.account, a.failures])),
          failuresWithoutUserName: unknownAccount,
          protocols,
          firstLocal: first.localTime,
          lastLocal: last.localTime,
          firstUtc: logTimeIso(caseData.logs, zone, first),
          lastUtc: logTimeIso(caseData.logs, zone, last),
          serverZone: zone.id,
          banResponses: e.banned,
          blockedReconnects: e.blocked,
          successFollowed: successes.length > 0,
          successes: successes.slice(0, MAX_LINES_CITED),
          lines: failed.slice(0, MAX_LINES_CITED).map((f) => ({ file: f.file, lineNo: f.lineNo })),
        },
      });
    }
    return findings;
  },
};
