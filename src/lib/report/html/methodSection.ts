/** How the analysis was made and what it did not cover, so the report states its own limits. */
import { escapeHtml } from './escapeHtml.ts';
import { htmlFacts } from './htmlTable.ts';
import type { ReportInput } from './reportModel.ts';

function notAnalysed(input: ReportInput): string[] {
  const out: string[] = [];
  const errors = input.inventory.filter((e) => e.status === 'error').length;
  const skipped = input.inventory.filter((e) => e.status === 'skipped').length;
  if (errors) out.push(`${errors} files could not be read in full (damaged or malformed); what could be read was analysed, and the inventory lists why.`);
  if (skipped) out.push(`${skipped} files were skipped (for example over a size or nesting bound that protects the analysis); the inventory lists why.`);
  if (input.inventory.some((e) => /\.sdf$/i.test(e.path))) out.push('SQL Server Compact databases (.sdf) cannot be read in a browser: export them with ExportSqlCe as the Overview shows, then add the export.');
  if (input.server.source === 'none') out.push('No hMailServer database was in the evidence: accounts, settings, queue and message rows were not analysed.');
  if (input.timesLeftOut.total) out.push(`${input.timesLeftOut.total} times were left off the timeline (placeholders or times of unknown zone).`);
  out.push('No network request was made: DNS (SPF records, DKIM keys) was used only from a zone file given with the evidence, never looked up.');
  out.push('HTML bodies were not rendered for the analysis and no remote content was fetched; links and attachments were not opened or executed.');
  out.push('Deleted messages are not recovered: gaps in IMAP UIDs and missing files show where mail was removed.');
  return out;
}

export function methodSection(input: ReportInput): string {
  return `${htmlFacts([
    ['Tool', `hMail Triage ${input.version}, in the browser, offline`],
    ['Generated (UTC)', input.generatedAt],
    ['Server clock zone', `${input.timeZone.id}: ${input.timeZone.basis}`],
    ['Database', `${input.server.source}${input.server.path ? ` (${input.server.path})` : ''}${input.server.schemaVersion ? `, schema ${input.server.schemaVersion}` : ''}`],
    ['Evidence handling', 'Read-only: every file hashed (MD5, SHA-256) as it was read; a database opened as an in-memory copy.'],
    ['Full details', 'findings.json (schema hmail-triage/findings@1) holds every detail of every finding; the CSV exports list every message, log session and event.'],
  ])}
<h3>What was not analysed, and why</h3><ul>${notAnalysed(input).map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`;
}
