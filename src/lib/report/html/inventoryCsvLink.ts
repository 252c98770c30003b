/**
 * The full hash list as a CSV inside the report (a data: link with a file name), so the report stays one
 * self-contained file. Past a size bound the link is left out and the report names the app's export instead:
 * a report of 100,000 files must still open in a browser.
 */
import { bytesToBase64 } from '../../model/base64.ts';
import { csvRecord } from '../formatCsv.ts';
import type { ReportInput } from './reportModel.ts';

/** Bytes of CSV embedded at most (about 25,000 files). */
export const MAX_EMBEDDED_CSV_BYTES = 4 * 1024 * 1024;

function inventoryCsv(inventory: ReportInput['inventory']): string {
  return (
    csvRecord(['path', 'kind', 'size', 'md5', 'sha256', 'status', 'error']) +
    inventory.map((e) => csvRecord([e.path, e.kind, e.size, e.md5, e.sha256, e.status, e.error])).join('')
  );
}

/** A `data:` URL of the CSV, or null when it is too large to embed. */
export function inventoryCsvDataUrl(inventory: ReportInput['inventory']): string | null {
  const bytes = new TextEncoder().encode(inventoryCsv(inventory));
  return bytes.length > MAX_EMBEDDED_CSV_BYTES ? null : `data:text/csv;charset=utf-8;base64,${bytesToBase64(bytes)}`;
}
