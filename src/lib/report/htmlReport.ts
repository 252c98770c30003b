/**
 * The examiner's HTML report: one self-contained file (inline CSS and SVG, the hash list as an embedded
 * CSV, no script, no external resource) that prints on A4 or US Letter with a cover, a table of contents,
 * numbered pages and a page break before each section, and reads as plain sentences throughout.
 */
import { SEVERITY_RANK } from '../model/finding.ts';
import { REPORT_SECTIONS, type ReportSectionId } from '../model/reportOptions.ts';
import { formatMessageIdHeadroom } from './formatMessageIdHeadroom.ts';
import { formatServerRelease } from './formatServerRelease.ts';
import { accountsSection } from './html/accountsSection.ts';
import { bookmarksSection } from './html/bookmarksSection.ts';
import { configurationSection } from './html/configurationSection.ts';
import { cspMeta } from './html/cspMeta.ts';
import { escapeHtml } from './html/escapeHtml.ts';
import { findingsSection, listedFindings } from './html/findingsSection.ts';
import { htmlFacts } from './html/htmlTable.ts';
import { inventorySection } from './html/inventorySection.ts';
import { methodSection } from './html/methodSection.ts';
import { reportCss } from './html/reportCss.ts';
import type { ReportFinding, ReportInput } from './html/reportModel.ts';
import { storySection } from './html/storySection.ts';
import { timelineSection } from './html/timelineSection.ts';

export type { ReportFinding, ReportInput, ReportSetting } from './html/reportModel.ts';

/** The report runs no script and loads nothing: only its own inline CSS and data: images. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function inScope(input: ReportInput): { findings: ReportFinding[]; scope: string } {
  const o = input.options;
  const bookmarked = new Set(input.bookmarks.map((b) => b.path));
  const findings = input.findings.filter(
    (f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.minSeverity] && (!o.bookmarkedOnly || f.note !== null || (f.ref.message !== undefined && bookmarked.has(f.ref.message))),
  );
  const parts = [o.minSeverity === 'info' ? 'of every severity' : `of severity ${o.minSeverity} or higher`, o.bookmarkedOnly ? 'on bookmarked messages or with an examiner note' : ''];
  return { findings, scope: parts.filter(Boolean).join(', ') };
}

/** Hashes stacked in one cell, so a 64-digit SHA-256 fits the width of an A4 or Letter page. */
function evidenceTable(evidence: ReportInput['evidence']): string {
  const rows = evidence
    .map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${e.size.toLocaleString('en-US')}</td><td class="mono">MD5 ${escapeHtml(e.md5)}<br>SHA-256 ${escapeHtml(e.sha256)}</td></tr>`)
    .join('');
  return `<table><colgroup><col style="width:30%"><col style="width:13%"><col></colgroup><thead><tr><th>File</th><th>Bytes</th><th>Hashes</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No evidence files.</td></tr>'}</tbody></table>`;
}

function cover(input: ReportInput, scope: string): string {
  const d = input.caseDetails;
  const release = formatServerRelease(input.server.schemaVersion);
  return `<section class="cover" id="case"><h1>hMail Triage report</h1>
<p class="muted">Forensic triage of an hMailServer${input.server.hostname ? ` (${escapeHtml(input.server.hostname)})` : ''}</p>
${htmlFacts([
  ['Case number', d.caseNumber || '—'],
  ['Examiner', d.examiner || '—'],
  ['Generated (UTC)', input.generatedAt],
  ['Tool version', `hMail Triage ${input.version}`],
  ['Server', [input.server.hostname, release].filter(Boolean).join(', ') || 'not in the evidence'],
  ['Database', `${input.server.source}${input.server.schemaVersion ? `, schema ${input.server.schemaVersion}` : ''}${input.server.messages !== null ? `, ${input.server.messages.toLocaleString('en-US')} messages` : ''}`],
  ['Highest message ID', input.server.maxMessageId === null ? 'no messages in the database' : formatMessageIdHeadroom(input.server.maxMessageId)],
  ['Server clock', input.timeZone.id],
  ['Findings in this report', scope],
])}
${input.options.caseSummary ? `<h3>Case summary</h3><pre class="note">${escapeHtml(input.options.caseSummary)}</pre>` : ''}
${d.notes ? `<h3>Case notes</h3><pre class="note">${escapeHtml(d.notes)}</pre>` : ''}
<div id="evidence"><h3>Evidence and hashes</h3>${evidenceTable(input.evidence)}</div></section>`;
}

export function htmlReport(input: ReportInput): string {
  const { findings, scope } = inScope(input);
  const chosen = REPORT_SECTIONS.filter((s) => input.options.sections.includes(s.id));
  const listed = new Set(chosen.some((s) => s.id === 'findings') ? listedFindings(findings).map((f) => f.id) : []);
  const body: Record<ReportSectionId, () => string> = {
    summary: () => storySection(input.story, findings, listed, input.options.conclusions),
    findings: () => findingsSection(findings, scope),
    configuration: () => configurationSection(input.settings, findings),
    accounts: () => accountsSection(findings),
    timeline: () => timelineSection(input),
    bookmarks: () => bookmarksSection(input.bookmarks),
    inventory: () => inventorySection(input),
    method: () => methodSection(input),
  };
  const toc = `<nav id="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">Contents</h2><ol>${chosen
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const sections = chosen.map((s, i) => `<section id="${s.id}"><h2>${i + 1}. ${escapeHtml(s.title)}</h2>${body[s.id]()}</section>`).join('\n');
  const d = input.caseDetails;
  const footer = `hMail Triage report${d.caseNumber ? ` · case ${d.caseNumber}` : ''} · ${input.generatedAt.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${cspMeta(REPORT_CSP)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hMail Triage report ${escapeHtml(d.caseNumber)}</title><style>${reportCss(footer)}</style></head><body>
${cover(input, scope)}
${toc}
${sections}
</body></html>
`;
}
