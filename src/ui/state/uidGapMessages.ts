/**
 * "Open these messages" of a uid-gap finding: the messages of its account and folder on either side of each hole
 * (the UID just before a gap and the one just after it), the last mail known before what is missing and the
 * first after. The ranges come from the finding's details (uidGap.ts: "5" or "5-9", at most 200 of them).
 */
import type { MessageFilter } from './caseView.svelte.ts';

interface GapFinding {
  type: string;
  ref: { account?: string };
  details: Record<string, unknown>;
}

/** The Messages filter of a uid-gap finding, or null for another finding or one without a folder or ranges. */
export function uidGapMessages(finding: GapFinding): MessageFilter | null {
  const { folder, ranges } = finding.details;
  if (finding.type !== 'uid-gap' || typeof folder !== 'string' || folder === '' || !Array.isArray(ranges)) return null;
  const uids = new Set<number>();
  for (const range of ranges) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(String(range));
    if (!m) continue;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from > 1) uids.add(from - 1);
    uids.add(to + 1);
  }
  if (uids.size === 0) return null;
  return { ...(finding.ref.account ? { account: finding.ref.account } : {}), folder, uids: [...uids].sort((a, b) => a - b) };
}
