/**
 * Every table's CSV download: the rows through toCsv (so the guarded writer), under one file type. The paged
 * tables read their rows from the case database first, and a failed read is reported, never thrown at a click.
 */
import { toCsv } from '../csv.ts';
import { reportError } from '../reportError.svelte.ts';
import { saveFile } from '../saveFile.ts';
import type { Column } from './tableColumn.ts';

export function saveCsv<Row>(file: string, columns: Column<Row>[], rows: Row[]): void {
  saveFile(file, toCsv(columns, rows), 'text/csv');
}

/** @param failure what the error banner says when the rows cannot be read */
export async function saveCsvOfAll<Row>(file: string, columns: Column<Row>[], allRows: () => Promise<Row[]>, failure: string): Promise<void> {
  try {
    saveCsv(file, columns, await allRows());
  } catch (err) {
    reportError(err, failure);
  }
}
