/**
 * `attachment-removed-by-server` (info): hMailServer replaced a blocked attachment by `<name>.txt` carrying
 * its ATTACHMENT_REMOVED notice (hmailserver.md §3.4), in the default wording or this server's customised
 * one (hm_servermessages) — proof that blocking was on when this message arrived; no log line records it.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { containerNote } from './support/containerNote.ts';
import { removalNoticeOriginal } from './support/removalNoticeOriginal.ts';
import { serverMessagePattern } from './support/serverMessagePattern.ts';

export const attachmentRemovedByServer: Analyzer = {
  id: 'attachmentRemovedByServer',
  findingTypes: ['attachment-removed-by-server'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const notice = serverMessagePattern(caseData.database, 'ATTACHMENT_REMOVED');
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const removed = m.attachments.flatMap((a) => {
        const original = removalNoticeOriginal(a, notice);
        return original === null ? [] : [{ original, container: a.container }];
      });
      if (removed.length === 0) continue;
      findings.push({
        type: 'attachment-removed-by-server',
        severity: 'info',
        ref: { message: m.path },
        summary: `hMailServer removed ${removed.map((r) => `${r.original}${containerNote(r)}`).join(', ')} from ${m.path} and left its removal notice: attachment blocking was on when the message arrived${m.date ? ` (dated ${m.date})` : ''}.`,
        details: {
          originalNames: removed.map((r) => r.original),
          ...(removed.some((r) => r.container) ? { containers: removed.map((r) => r.container ?? null) } : {}),
          date: m.date,
        },
      });
    }
    return findings;
  },
};
