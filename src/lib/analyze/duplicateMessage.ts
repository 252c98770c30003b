/**
 * `duplicate-message`: two or more files with the same Message-ID. IMAP COPY and delivery to several local
 * mailboxes make such copies legitimately (hmailserver.md §3.5); copies whose content differs are not
 * explained by that and may mean one copy was altered.
 */
import type { Finding } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

/** What a copy made by the server keeps unchanged: the trace headers it prepends are left out. */
function contentKey(m: ParsedMessage): string {
  return JSON.stringify([m.from?.address ?? null, m.subject, m.date, m.to.map((a) => a.address), m.textDigest ?? m.text, m.attachments.map((a) => a.sha256)]);
}

export const duplicateMessage: Analyzer = {
  id: 'duplicateMessage',
  findingTypes: ['duplicate-message'],
  needs: ['messages'],
  run(caseData) {
    const groups = new Map<string, ParsedMessage[]>();
    for (const m of caseData.messages) {
      const id = m.messageId?.trim();
      if (!id) continue;
      const list = groups.get(id);
      if (list) list.push(m);
      else groups.set(id, [m]);
    }
    const links = new Map(caseData.links.map((l) => [l.path, l]));
    const findings: Finding[] = [];
    for (const [messageId, group] of groups) {
      if (group.length < 2) continue;
      const files = [...group].sort((a, b) => compareStrings(a.path, b.path));
      const identicalBytes = files.every((m) => m.sha256 === files[0].sha256);
      const sameContent = identicalBytes || files.every((m) => contentKey(m) === contentKey(files[0]));
      const copies = files.map((m) => {
        const l = links.get(m.path);
        return { path: m.path, sha256: m.sha256, size: m.size, account: l?.account ?? l?.accountFromPath ?? null, folder: l?.folder ?? null, createTime: l?.createTime ?? null };
      });
      const createTimes = new Set(copies.map((c) => c.createTime));
      const explanation = identicalBytes
        ? createTimes.size === 1 && !createTimes.has(null)
          ? 'byte-identical copies with the same create time, as IMAP COPY makes them'
          : 'byte-identical copies'
        : sameContent
          ? 'copies that differ only in headers the server adds per delivery'
          : 'copies whose content differs: one of them may have been altered';
      findings.push({
        type: 'duplicate-message',
        severity: sameContent ? 'low' : 'medium',
        ref: { message: files[0].path },
        summary: `Message-ID ${messageId} occurs in ${files.length} files (${files.map((m) => m.path).join(', ')}): ${explanation}.`,
        details: { messageId, paths: files.map((m) => m.path), identicalBytes, sameContent, copies },
      });
    }
    return findings;
  },
};
