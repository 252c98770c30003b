/**
 * `spam-flagged`: hMailServer's own spam headers (X-hMailServer-Spam, -Reason-n, -Reason-Score; hmailserver.md
 * §3.4) marked the message: its score reached spammarkthreshold. Scores are stored nowhere else (§6 item 14).
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { settingValue } from './support/settingValue.ts';

export const spamFlagged: Analyzer = {
  id: 'spamFlagged',
  findingTypes: ['spam-flagged'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const threshold = settingValue(caseData.database, 'spammarkthreshold')?.integer ?? null;
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      if (!m.spam.flagged && m.spam.reasons.length === 0) continue;
      const reasons = m.spam.reasons.map((r) => (r.score === null ? r.text : `${r.text} (${r.score})`));
      findings.push({
        type: 'spam-flagged',
        severity: 'low',
        ref: { message: m.path },
        summary: `hMailServer marked ${m.path} as spam${m.spam.score !== null ? ` with score ${m.spam.score}` : ''}${threshold !== null ? ` (mark threshold ${threshold})` : ''}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}.`,
        details: { score: m.spam.score, markThreshold: threshold, reasons: m.spam.reasons, flagged: m.spam.flagged },
      });
    }
    return findings;
  },
};
