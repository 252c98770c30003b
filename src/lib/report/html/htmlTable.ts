/** The report's tables: every cell escaped; `mono` columns wrap anywhere (hashes, paths) so no table outgrows the page. */
import { escapeHtml } from './escapeHtml.ts';

export function htmlTable(headers: string[], rows: unknown[][], options: { mono?: number[]; className?: string; widths?: string[] } = {}): string {
  const mono = options.mono ?? [];
  const cols = options.widths ? `<colgroup>${options.widths.map((w) => `<col style="width:${escapeHtml(w)}">`).join('')}</colgroup>` : '';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${mono.includes(i) ? ' class="mono"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table${options.className ? ` class="${escapeHtml(options.className)}"` : ''}>${cols}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A two-column table of label → value without a header row (key details, facts). */
export function htmlFacts(rows: [string, unknown][], mono: string[] = []): string {
  return `<table class="facts"><tbody>${rows
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td${mono.includes(k) ? ' class="mono"' : ''}>${escapeHtml(v)}</td></tr>`)
    .join('')}</tbody></table>`;
}
