/** The inventory summarised: files per kind with sizes and problems, the files that could not be read, and the full hash list as CSV. */
import { escapeHtml } from './escapeHtml.ts';
import { htmlTable } from './htmlTable.ts';
import { inventoryCsvDataUrl } from './inventoryCsvLink.ts';
import type { ReportInput } from './reportModel.ts';
import { compareStrings } from '../../model/compareStrings.ts';

/** Unreadable or skipped entries listed by name; the CSV has them all. */
const MAX_PROBLEM_ROWS = 40;

export function inventorySection(input: ReportInput): string {
  const inv = input.inventory;
  const kinds = new Map<string, { n: number; bytes: number; errors: number; skipped: number }>();
  for (const e of inv) {
    const k = kinds.get(e.kind) ?? { n: 0, bytes: 0, errors: 0, skipped: 0 };
    k.n++;
    k.bytes += e.size;
    if (e.status === 'error') k.errors++;
    if (e.status === 'skipped') k.skipped++;
    kinds.set(e.kind, k);
  }
  const rows = [...kinds].sort(([a], [b]) => compareStrings(a, b)).map(([kind, k]) => [kind, k.n.toLocaleString('en-US'), k.bytes.toLocaleString('en-US'), k.errors, k.skipped]);
  const problems = inv.filter((e) => e.status !== 'ok');
  const url = inventoryCsvDataUrl(inv);
  const link = url
    ? `<p>The full list of ${inv.length.toLocaleString('en-US')} files with their MD5 and SHA-256: <a download="inventory-hashes.csv" href="${escapeHtml(url)}">inventory-hashes.csv</a> (embedded in this report).</p>`
    : `<p>The full list of ${inv.length.toLocaleString('en-US')} files with their MD5 and SHA-256 is too large to embed here: export it from the app's Inventory tab (CSV).</p>`;
  return `<p>${inv.length.toLocaleString('en-US')} files were inventoried and hashed as they were read; ${problems.length} could not be read in full or were skipped.</p>${link}
${htmlTable(['Kind', 'Files', 'Bytes', 'Errors', 'Skipped'], rows)}
${
  problems.length
    ? `<h3>Files not read in full</h3>${htmlTable(['Path', 'Status', 'Reason'], problems.slice(0, MAX_PROBLEM_ROWS).map((e) => [e.path, e.status, e.error ?? '']), { mono: [0], widths: ['45%', '12%', '43%'] })}${
        problems.length > MAX_PROBLEM_ROWS ? `<p>… and ${problems.length - MAX_PROBLEM_ROWS} more in the CSV.</p>` : ''
      }`
    : ''
}`;
}
