/**
 * `attachment-removed-by-server` (info): hMailServer replaced a blocked attachment by `<name>.txt` carrying
 * its ATTACHMENT_REMOVED notice (hmailserver.md §3.4) — proof that blocking was on when this message
 * arrived; no log line records it.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { removalNoticeOriginal } from './support/removalNoticeOriginal.ts';

export const attachmentRemovedByServer: Analyzer = {
  id: 'attachmentRemovedByServer',
  findingTypes: ['attachment-removed-by-server'],
  needs: ['messages'],
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const removed = m.attachments.map((a) => removalNoticeOriginal(a)).filter((n): n is string => n !== null);
      if (removed.length === 0) continue;
      findings.push({
        type: 'attachment-removed-by-server',
        severity: 'info',
        ref: { message: m.path },
        summary: `hMailServer removed ${removed.join(', ')} from ${m.path} and left its removal notice: attachment blocking was on when the message arrived${m.date ? ` (dated ${m.date})` : ''}.`,
        details: { originalNames: removed, date: m.date },
      });
    }
    return findings;
  },
};
