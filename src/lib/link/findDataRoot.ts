/** The evidence path of hMailServer's store root (the `Data` folder), as most message files show it. */
import type { CaseData } from '../model/caseData.ts';
import { archiveFolderName } from './archiveFolderName.ts';
import { classifyMessagePath } from './classifyMessagePath.ts';
import { dataFolderNames } from './dataFolderNames.ts';
import { compareStrings } from '../model/compareStrings.ts';

/** Null when no message file sits in a store layout: the Data folder was not part of the evidence. */
export function findDataRoot(caseData: Pick<CaseData, 'inventory' | 'messages' | 'ini'>): string | null {
  const dataNames = dataFolderNames(caseData.ini);
  const archiveName = archiveFolderName(caseData.ini);
  const counts = new Map<string, number>();
  const paths = new Set([...caseData.inventory.filter((e) => e.kind === 'message').map((e) => e.path), ...caseData.messages.map((m) => m.path)]);
  for (const path of paths) {
    const root = classifyMessagePath(path, dataNames, archiveName).dataRoot;
    if (root !== null) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [root, n] of [...counts].sort(([a], [b]) => compareStrings(a, b))) {
    if (n > bestCount) [best, bestCount] = [root, n];
  }
  return best;
}
