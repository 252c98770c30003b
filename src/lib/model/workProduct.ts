/**
 * The examiner's work product on one case, as the autosave keeps it: bookmarks, tags, notes, tag colours,
 * case details and column layouts. Never evidence content: paths and finding ids point into the evidence,
 * nothing is copied from it.
 */
export const WORK_PRODUCT_VERSION = 1;

export interface WorkProduct {
  version: typeof WORK_PRODUCT_VERSION;
  bookmarks: { path: string; tags: string; note: string; created: string | null }[];
  annotations: { kind: string; key: string; tags: string; note: string; created: string | null }[];
  tags: { name: string; colour: string | null }[];
  findingNotes: { findingId: number; note: string }[];
  /** The case details JSON (examiner, case number, notes) as stored in case_meta; null when never saved. */
  caseDetails: string | null;
  /** The tables' column layouts JSON as stored in case_meta; absent in work saved before layouts were kept. */
  columnLayouts?: string | null;
}

/** How many things the examiner made: what the restore offer counts. */
export function workProductSize(w: WorkProduct): number {
  return w.bookmarks.length + w.annotations.length + w.findingNotes.filter((n) => n.note !== '').length + (w.caseDetails ? 1 : 0);
}

/** One key per set of evidence: the SHA-256 of every evidence file, sorted, so the drop order does not matter. */
export function workProductKey(evidenceSha256: string[]): string | null {
  const hashes = evidenceSha256.filter((h) => /^[0-9a-f]{64}$/i.test(h)).map((h) => h.toLowerCase()).sort();
  return hashes.length === 0 ? null : `evidence:${hashes.join(',')}`;
}
