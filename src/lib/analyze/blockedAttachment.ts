/**
 * `blocked-attachment`: an attachment whose name is on the server's blocked list (hm_blocked_attachments,
 * or hMailServer's default list without a database) sits in the store — blocking was off or bypassed
 * when it arrived. Parts hMailServer already replaced by a removal notice are not counted.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { blockedAttachmentList } from './support/blockedAttachmentList.ts';
import { containerNote } from './support/containerNote.ts';
import { removalNoticeOriginal } from './support/removalNoticeOriginal.ts';
import { serverMessagePattern } from './support/serverMessagePattern.ts';
import { settingValue } from './support/settingValue.ts';
import { wildcardMatcher } from './support/wildcardMatcher.ts';

export const blockedAttachment: Analyzer = {
  id: 'blockedAttachment',
  findingTypes: ['blocked-attachment'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const list = blockedAttachmentList(caseData);
    const matchers = list.wildcards.map((w) => ({ wildcard: w, test: wildcardMatcher(w) }));
    const blocking = settingValue(caseData.database, 'enableattachmentblocking');
    const notice = serverMessagePattern(caseData.database, 'ATTACHMENT_REMOVED');
    const links = new Map(caseData.links.map((l) => [l.path, l]));
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hits = m.attachments
        .filter((a) => a.filename && removalNoticeOriginal(a, notice) === null)
        .map((a) => ({ attachment: a, wildcard: matchers.find((w) => w.test(a.filename))?.wildcard }))
        .filter((h): h is typeof h & { wildcard: string } => h.wildcard !== undefined);
      if (hits.length === 0) continue;
      const link = links.get(m.path);
      const where = link?.location === 'queue' ? 'in the delivery queue' : link?.account || link?.accountFromPath ? `in the mailbox of ${link.account ?? link.accountFromPath}` : 'in the evidence';
      const why = blocking ? (blocking.integer === 0 ? 'attachment blocking was disabled' : 'blocking was bypassed or enabled after it arrived') : 'blocking was off or bypassed when it arrived';
      findings.push({
        type: 'blocked-attachment',
        severity: 'medium',
        ref: { message: m.path },
        summary: `${m.path} ${where} carries ${hits.map((h) => `${h.attachment.filename}${containerNote(h.attachment)} (matches ${h.wildcard})`).join(', ')}, on the server's ${list.source === 'database' ? '' : 'default '}blocked-attachment list: ${why}.`,
        details: {
          attachments: hits.map((h) => ({
            filename: h.attachment.filename, wildcard: h.wildcard, contentType: h.attachment.contentType, detectedType: h.attachment.detectedType,
            size: h.attachment.size, sha256: h.attachment.sha256, ...(h.attachment.container ? { container: h.attachment.container } : {}),
          })),
          listSource: list.source,
          blockingEnabled: blocking ? blocking.integer !== 0 : null,
        },
      });
    }
    return findings;
  },
};
