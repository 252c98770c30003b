/** `orphan-file`: a message file in the store that no hm_messages row points to (hmailserver.md §6 item 4). */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';

const STORE_LOCATIONS = new Set(['mailbox', 'queue', 'public']);

export const orphanFile: Analyzer = {
  id: 'orphanFile',
  findingTypes: ['orphan-file'],
  needs: ['database', 'messages'],
  run(caseData) {
    const sizes = new Map(caseData.inventory.map((e) => [e.path, e.size]));
    const findings: Finding[] = [];
    for (const link of caseData.links) {
      // Archive copies and loose files never had rows; only files in the store's own layout should.
      if (link.dbMessageId !== null || !STORE_LOCATIONS.has(link.location)) continue;
      const queue = link.location === 'queue';
      findings.push({
        type: 'orphan-file',
        severity: queue ? 'low' : 'medium',
        ref: { message: link.path, ...(link.accountFromPath ? { account: link.accountFromPath } : {}) },
        summary: queue
          ? `Queue file ${link.path} has no hm_messages row: a queue remnant left by a crash or a deleted queue item.`
          : `Message file ${link.path} has no hm_messages row: the row was deleted or the file was placed in the ${link.location} folder outside hMailServer.`,
        details: { location: link.location, accountFromPath: link.accountFromPath, size: sizes.get(link.path) ?? null },
      });
    }
    return findings;
  },
};
