/** The wildcards hMailServer blocks: hm_blocked_attachments, or its default list when there is no database. */
import type { CaseData } from '../../model/caseData.ts';

/** Rows of a fresh 5.6.x install (hmailserver.md §2.3, hm_blocked_attachments). */
const DEFAULT_BLOCKED_WILDCARDS: readonly string[] = [
  '*.bat', '*.cmd', '*.com', '*.cpl', '*.csh', '*.exe', '*.inf', '*.lnk', '*.msi', '*.msp', '*.pif', '*.reg', '*.scf', '*.scr',
];

export function blockedAttachmentList(caseData: Pick<CaseData, 'database'>): { wildcards: string[]; source: 'database' | 'default' } {
  const db = caseData.database;
  // An empty list is more likely a source that did not carry the table than a server that blocks nothing.
  if (db && db.blockedAttachments.length > 0) {
    return { wildcards: db.blockedAttachments.map((b) => b.wildcard), source: 'database' };
  }
  return { wildcards: [...DEFAULT_BLOCKED_WILDCARDS], source: 'default' };
}
