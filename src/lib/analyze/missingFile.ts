/**
 * `missing-file`: an hm_messages row whose file is not in the evidence (deleted outside hMailServer, or not
 * collected). A file that is there but could not be read as a message is not missing: evidence-damaged says so.
 */
import type { Finding } from '../model/finding.ts';
import { expectedPathForDbMessage } from '../link/expectedPathForDbMessage.ts';
import { findDataRoot } from '../link/findDataRoot.ts';
import type { Analyzer } from './analyzer.ts';

export const missingFile: Analyzer = {
  id: 'missingFile',
  findingTypes: ['missing-file'],
  needs: ['database', 'messages'],
  run(caseData) {
    const db = caseData.database;
    // Without any file in the store layout the Data folder was simply not collected: every row would be "missing".
    const root = findDataRoot(caseData);
    if (!db || root === null) return [];
    const linked = new Set(caseData.links.map((l) => l.dbMessageId).filter((id): id is number => id !== null));
    const accounts = new Map(db.accounts.map((a) => [a.id, a.address]));
    const folders = new Map(db.folders.map((f) => [f.id, f.fullPath]));
    const present = new Set(caseData.inventory.map((e) => e.path.toLowerCase()));
    const findings: Finding[] = [];
    for (const row of db.messages) {
      if (linked.has(row.id)) continue;
      const path = expectedPathForDbMessage(db, row, root);
      if (present.has(path.toLowerCase())) continue;
      const account = row.folderId > 0 ? (accounts.get(row.accountId) ?? null) : null;
      const where = row.type === 1 ? 'queue' : account ? `${account} ${folders.get(row.folderId) ?? `folder ${row.folderId}`}` : `folder ${row.folderId}`;
      findings.push({
        type: 'missing-file',
        severity: 'medium',
        ref: { message: path, ...(account ? { account } : {}) },
        summary: `Database message ${row.id} (${where}, created ${row.createTime ?? 'at an unknown time'}) has no file in the evidence at ${path}: the file was deleted outside hMailServer or not collected.`,
        details: {
          dbMessageId: row.id,
          fileName: row.fileName,
          expectedPath: path,
          account,
          folder: row.folderId > 0 ? (folders.get(row.folderId) ?? null) : null,
          type: row.type,
          uid: row.uid,
          size: row.size,
          createTime: row.createTime,
          from: row.from,
        },
      });
    }
    return findings;
  },
};
