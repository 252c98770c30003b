/**
 * Reads the examiner's work product out of the case database and writes it back (the autosave's restore).
 * Restoring replaces item by item: what the case already has for the same item is overwritten.
 */
import type { Database, SqlValue } from 'sql.js';
import { WORK_PRODUCT_VERSION, type WorkProduct } from '../model/workProduct.ts';
import { setAnnotation, setTagColour } from './annotations.ts';
import { ANNOTATION_KINDS, type AnnotationKind } from '../model/annotation.ts';
import { inTransaction } from './inTransaction.ts';

const rows = (db: Database, sql: string): SqlValue[][] => db.exec(sql)[0]?.values ?? [];
const text = (v: SqlValue): string => (v === null ? '' : String(v));
const orNull = (v: SqlValue): string | null => (v === null ? null : String(v));

export function readWorkProduct(db: Database): WorkProduct {
  return {
    version: WORK_PRODUCT_VERSION,
    bookmarks: rows(db, 'SELECT path, tags, note, created_utc FROM case_bookmarks ORDER BY path').map((r) => ({
      path: text(r[0]), tags: text(r[1]), note: text(r[2]), created: orNull(r[3]),
    })),
    annotations: rows(db, 'SELECT kind, key, tags, note, created_utc FROM case_annotations ORDER BY kind, key').map((r) => ({
      kind: text(r[0]), key: text(r[1]), tags: text(r[2]), note: text(r[3]), created: orNull(r[4]),
    })),
    tags: rows(db, 'SELECT name, colour FROM case_tags ORDER BY name').map((r) => ({ name: text(r[0]), colour: orNull(r[1]) })),
    findingNotes: rows(db, 'SELECT finding_id, note FROM case_finding_notes ORDER BY finding_id').map((r) => ({ findingId: Number(r[0]), note: text(r[1]) })),
    caseDetails: orNull(rows(db, "SELECT value FROM case_meta WHERE key = 'case_details'")[0]?.[0] ?? null),
    columnLayouts: orNull(rows(db, "SELECT value FROM case_meta WHERE key = 'column_layouts'")[0]?.[0] ?? null),
  };
}

/**
 * Writes a saved work product into the current case; items of unknown kinds and notes on findings the case
 * does not have are skipped (evidence of another analysis version may number findings differently).
 * @throws Error when the value is not a work product of this version.
 */
export function applyWorkProduct(db: Database, w: WorkProduct): { applied: number; skipped: number } {
  if (w?.version !== WORK_PRODUCT_VERSION) throw new Error('Not a saved work product of this version.');
  let applied = 0;
  let skipped = 0;
  const now = new Date(0).toISOString();
  inTransaction(db, () => {
    for (const b of w.bookmarks) {
      setAnnotation(db, { kind: 'message', key: b.path }, b.tags, b.note, b.created ?? now);
      applied++;
    }
    for (const a of w.annotations) {
      if (!(ANNOTATION_KINDS as readonly string[]).includes(a.kind) || a.kind === 'message') {
        skipped++;
        continue;
      }
      setAnnotation(db, { kind: a.kind as AnnotationKind, key: a.key }, a.tags, a.note, a.created ?? now);
      applied++;
    }
    for (const t of w.tags) setTagColour(db, t.name, t.colour);
    for (const n of w.findingNotes) {
      if (rows(db, `SELECT 1 FROM case_findings WHERE id = ${Number(n.findingId) | 0}`).length === 0) {
        skipped++;
        continue;
      }
      db.run('INSERT OR REPLACE INTO case_finding_notes VALUES (?, ?)', [n.findingId, n.note]);
      applied++;
    }
    if (w.caseDetails !== null) db.run("INSERT OR REPLACE INTO case_meta VALUES ('case_details', ?)", [w.caseDetails]);
    if (w.columnLayouts) db.run("INSERT OR REPLACE INTO case_meta VALUES ('column_layouts', ?)", [w.columnLayouts]);
  });
  return { applied, skipped };
}
