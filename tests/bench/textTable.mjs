/** Plain-text tables for the terminal: first column left-aligned, the others right-aligned, a rule under the header. */

/** @param {string[]} header @param {(string | number)[][]} rows @param {string} indent */
export function textTable(header, rows, indent = '') {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row) =>
    indent + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(all[0]), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
