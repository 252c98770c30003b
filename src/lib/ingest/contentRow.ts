/** The inventory row of an entry whose content was read in full: classified from its head, with its hashes. */
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import { classifyEntry } from './classifyEntry.ts';
import { notAnalysedReason } from './notAnalysedReason.ts';

export interface ReadContent {
  size: number;
  md5: string;
  sha1?: string;
  sha256: string;
  head: Uint8Array;
  /** More of the content, searched for dump markers the head does not show (classifyEntry). */
  window?: Uint8Array;
}

export function contentRow(path: string, c: ReadContent, extra: Pick<InventoryEntry, 'container' | 'modified'>): InventoryEntry {
  const { kind, format } = classifyEntry(path, c.head, c.size, c.window);
  const reason = notAnalysedReason(format, c.head);
  return {
    path,
    kind,
    format,
    size: c.size,
    md5: c.md5,
    ...(c.sha1 ? { sha1: c.sha1 } : {}),
    sha256: c.sha256,
    status: reason ? 'skipped' : 'ok',
    ...(reason ? { error: reason } : {}),
    ...extra,
  };
}
