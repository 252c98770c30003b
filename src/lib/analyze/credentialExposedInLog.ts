/**
 * `credential-exposed-in-log`: a password readable in a log file — 5.6.x logs one-line AUTH PLAIN unmasked
 * (hmailserver.md §4.2, §6 item 9). The finding shows a masked hint only; the secret stays in caseData for
 * reveal-on-request and never enters findings.json.
 */
import type { Finding } from '../model/finding.ts';
import type { ExposedCredential, LogEvent } from '../model/logEvent.ts';
import { maskSecret } from '../logs/maskSecret.ts';
import { logTimeIso } from '../time/logTime.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

/** Line numbers listed per finding. */
const MAX_LINES_LISTED = 50;

/** The outcome of the logon that carried the credential: the next logon event of that account in the same session. */
function logonResult(c: ExposedCredential, events: LogEvent[]): 'ok' | 'failed' | null {
  const next = events.find((e) => e.file === c.file && e.lineNo > c.lineNo && e.ip === c.ip && e.account === c.account && (e.kind === 'logon-ok' || e.kind === 'logon-failed'));
  return next ? (next.kind === 'logon-ok' ? 'ok' : 'failed') : null;
}

export const credentialExposedInLog: Analyzer = {
  id: 'credentialExposedInLog',
  findingTypes: ['credential-exposed-in-log'],
  needs: ['logs'],
  run(caseData) {
    const groups = new Map<string, ExposedCredential[]>();
    for (const c of caseData.logs.credentials) {
      const key = `${c.account}\u0000${c.file}`;
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
    const logons = caseData.logs.events.filter((e) => e.kind === 'logon-ok' || e.kind === 'logon-failed');
    const findings: Finding[] = [];
    for (const list of groups.values()) {
      const sorted = [...list].sort((a, b) => a.lineNo - b.lineNo);
      const first = sorted[0];
      const result = logonResult(first, logons);
      const outcome = result === 'ok' ? ' and the server accepted it' : result === 'failed' ? ', though the server rejected it' : '';
      findings.push({
        type: 'credential-exposed-in-log',
        severity: 'high',
        ref: { account: first.account, file: first.file },
        summary: `The password of ${first.account} can be read in ${first.file} (line ${first.lineNo}): its ${first.mechanism} logon from ${first.ip ?? 'an unknown address'} at ${first.localTime} (server time) was logged unmasked${outcome}; treat the password as disclosed.`,
        details: {
          lineNo: first.lineNo,
          lines: sorted.slice(0, MAX_LINES_LISTED).map((c) => c.lineNo),
          occurrences: sorted.length,
          mechanism: first.mechanism,
          maskedSecret: maskSecret(first.secret),
          distinctSecrets: new Set(sorted.map((c) => c.secret)).size,
          ips: [...new Set(sorted.map((c) => c.ip).filter((ip): ip is string => ip !== null))].sort(compareStrings),
          localTime: first.localTime,
          utc: logTimeIso(caseData.logs, caseData.serverZone, first),
          serverZone: caseData.serverZone.id,
          logonResult: result,
        },
      });
    }
    return findings.sort((a, b) => compareStrings(a.ref.account ?? '', b.ref.account ?? '') || compareStrings(a.ref.file ?? '', b.ref.file ?? ''));
  },
};
