/**
 * The examiner's work product in the case: bookmarks, tags and notes on any item, finding notes, case details
 * and the tables' column layouts.
 */
import type { AnnotatedItem, TagSummary } from '../../model/annotation.ts';
import { columnLayoutFrom, columnLayoutsFromJson, type ColumnLayout } from '../../model/columnLayout.ts';
import type { WorkProduct } from '../../model/workProduct.ts';
import { bookmarkItems, listTags, removeAnnotation, renameTag, setAnnotation, setTagColour, tagItems } from '../annotations.ts';
import { applyWorkProduct, readWorkProduct } from '../workProduct.ts';
import type { CaseDbState } from './caseDbState.ts';
import { readCaseMeta, writeCaseMeta } from './caseMeta.ts';

export interface CaseDetails {
  examiner: string;
  caseNumber: string;
  notes: string;
}

export function caseNotes(s: CaseDbState) {
  return {
    async setBookmark(path: string, tags: string, note: string, nowIso: string) {
      setAnnotation(s.db, { kind: 'message', key: path }, tags, note, nowIso);
    },
    async removeBookmark(path: string) {
      removeAnnotation(s.db, { kind: 'message', key: path });
    },
    async setAnnotation(item: AnnotatedItem, tags: string, note: string, nowIso: string) {
      setAnnotation(s.db, item, tags, note, nowIso);
    },
    async removeAnnotation(item: AnnotatedItem) {
      removeAnnotation(s.db, item);
    },
    async tagItems(items: AnnotatedItem[], tag: string, nowIso: string) {
      tagItems(s.db, items, tag, nowIso);
    },
    async bookmarkItems(items: AnnotatedItem[], nowIso: string) {
      bookmarkItems(s.db, items, nowIso);
    },
    async renameTag(from: string, to: string) {
      renameTag(s.db, from, to);
    },
    async setTagColour(tag: string, colour: string | null) {
      setTagColour(s.db, tag, colour);
    },
    async listTags(): Promise<TagSummary[]> {
      return listTags(s.db);
    },
    async workProduct(): Promise<WorkProduct> {
      return readWorkProduct(s.db);
    },
    async restoreWorkProduct(work: WorkProduct): Promise<{ applied: number; skipped: number }> {
      return applyWorkProduct(s.db, work);
    },
    async setFindingNote(findingId: number, note: string) {
      s.db.run('INSERT OR REPLACE INTO case_finding_notes VALUES (?, ?)', [findingId, note]);
    },
    async setCaseDetails(details: CaseDetails) {
      writeCaseMeta(s.db, 'case_details', JSON.stringify(details));
    },
    /** Each table's columns as the examiner arranged them (case_meta column_layouts), kept with the case. */
    async columnLayouts(): Promise<Record<string, ColumnLayout>> {
      return columnLayoutsFromJson(readCaseMeta(s.db, 'column_layouts'));
    },
    async setColumnLayout(table: string, layout: ColumnLayout) {
      const all = columnLayoutsFromJson(readCaseMeta(s.db, 'column_layouts'));
      writeCaseMeta(s.db, 'column_layouts', JSON.stringify({ ...all, [table]: columnLayoutFrom(layout) }));
    },
  };
}
