/**
 * `uid-gap`: holes in a folder's IMAP UID sequence, and foldercurrentuid above the largest UID present.
 * UIDs are handed out strictly increasing per folder (hmailserver.md §6 item 2), so each missing UID is
 * a message that was expunged or moved out of that folder.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';

/** A folder can miss billions of UIDs (a corrupt counter); the list is cut, the count stays exact. */
const MAX_LISTED_UIDS = 1000;
const MAX_LISTED_RANGES = 200;

interface Gap { from: number; to: number }

function gapsOf(uids: number[], currentUid: number): Gap[] {
  const gaps: Gap[] = [];
  let previous = 0;
  for (const uid of uids) {
    if (uid > previous + 1) gaps.push({ from: previous + 1, to: uid - 1 });
    previous = Math.max(previous, uid);
  }
  if (currentUid > previous) gaps.push({ from: previous + 1, to: currentUid });
  return gaps;
}

function listUids(gaps: Gap[]): number[] {
  const out: number[] = [];
  for (const g of gaps) for (let u = g.from; u <= g.to && out.length < MAX_LISTED_UIDS; u++) out.push(u);
  return out;
}

export const uidGap: Analyzer = {
  id: 'uidGap',
  findingTypes: ['uid-gap'],
  needs: ['database'],
  run(caseData) {
    const db = caseData.database;
    if (!db) return [];
    const accounts = new Map(db.accounts.map((a) => [a.id, a.address]));
    const byFolder = new Map<number, { uid: number; id: number }[]>();
    for (const m of db.messages) {
      if (m.folderId <= 0 || m.uid <= 0) continue;
      const list = byFolder.get(m.folderId);
      if (list) list.push({ uid: m.uid, id: m.id });
      else byFolder.set(m.folderId, [{ uid: m.uid, id: m.id }]);
    }
    const findings: Finding[] = [];
    for (const folder of [...db.folders].sort((a, b) => a.id - b.id)) {
      const rows = byFolder.get(folder.id) ?? [];
      const uids = [...new Set(rows.map((r) => r.uid))].sort((a, b) => a - b);
      const gaps = gapsOf(uids, folder.currentUid);
      if (gaps.length === 0) continue;
      const missingCount = gaps.reduce((n, g) => n + g.to - g.from + 1, 0);
      // After the 5.2 upgrade old messages got UID = messageid, so holes there are expected (§6 item 2).
      const uidsFromMessageIds = rows.length > 0 && rows.every((r) => r.uid === r.id);
      const account = folder.accountId > 0 ? (accounts.get(folder.accountId) ?? null) : null;
      const where = account ? `${account} folder ${folder.fullPath}` : `public folder ${folder.fullPath}`;
      const ranges = gaps.slice(0, MAX_LISTED_RANGES).map((g) => (g.from === g.to ? `${g.from}` : `${g.from}-${g.to}`));
      findings.push({
        type: 'uid-gap',
        severity: uidsFromMessageIds ? 'info' : 'low',
        ref: account ? { account } : {},
        summary: uidsFromMessageIds
          ? `${missingCount} UIDs are absent from ${where}, whose UIDs equal the message ids as the 5.2 upgrade set them: gaps expected, not evidence of deletion.`
          : `${missingCount} UID${missingCount === 1 ? ' is' : 's are'} missing from ${where} (${ranges.join(', ')}${gaps.length > MAX_LISTED_RANGES ? ', …' : ''}; last UID handed out ${folder.currentUid}): messages were expunged or moved out of it.`,
        details: {
          folder: folder.fullPath,
          account,
          missing: listUids(gaps),
          missingCount,
          ranges,
          currentUid: folder.currentUid,
          maxUid: uids.length > 0 ? uids[uids.length - 1] : null,
          messageCount: rows.length,
          uidsFromMessageIds,
        },
      });
    }
    return findings;
  },
};
