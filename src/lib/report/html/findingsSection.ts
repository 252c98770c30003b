/**
 * Findings grouped by severity, then by type: each a readable sentence with a small table of its key
 * details. A type with many findings (the 20k case has thousands of spam flags) shows its first few and
 * counts the rest, which findings.json and the findings CSV list in full.
 */
import { SEVERITY_RANK, type Severity } from '../../model/finding.ts';
import { escapeHtml } from './escapeHtml.ts';
import { findingKeyDetails } from './findingKeyDetails.ts';
import { htmlFacts } from './htmlTable.ts';
import type { ReportFinding } from './reportModel.ts';

/** Findings of one type printed in full; the rest are counted. */
const MAX_FINDINGS_PER_TYPE = 10;

const SEVERITIES: Severity[] = ['high', 'medium', 'low', 'info'];

function findingHtml(f: ReportFinding): string {
  return `<div class="finding" id="finding-${f.id}"><span class="sev sev-${f.severity}">${escapeHtml(f.severity)}</span> <strong>${escapeHtml(f.type)}</strong> <span class="muted">#${f.id} · ${escapeHtml(f.category)}</span>
<p>${escapeHtml(f.summary)}</p>${htmlFacts(findingKeyDetails(f), ['Message', 'File'])}${f.note ? `<p class="note"><em>Examiner note:</em> ${escapeHtml(f.note)}</p>` : ''}</div>`;
}

/** The findings the report prints in full (for the summary's links to them). */
export function listedFindings(findings: ReportFinding[]): ReportFinding[] {
  const perType = new Map<string, number>();
  return findings.filter((f) => {
    const n = (perType.get(f.type) ?? 0) + 1;
    perType.set(f.type, n);
    return n <= MAX_FINDINGS_PER_TYPE;
  });
}

export function findingsSection(findings: ReportFinding[], scope: string): string {
  if (findings.length === 0) return `<p>No findings ${escapeHtml(scope)}.</p>`;
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id - b.id);
  const groups = SEVERITIES.map((severity) => {
    const ofSeverity = sorted.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) return '';
    const types = [...new Set(ofSeverity.map((f) => f.type))];
    const body = types
      .map((type) => {
        const all = ofSeverity.filter((f) => f.type === type);
        const shown = all.slice(0, MAX_FINDINGS_PER_TYPE);
        const more = all.length - shown.length;
        return `<h4>${escapeHtml(type)} (${all.length})</h4>${shown.map(findingHtml).join('')}${
          more > 0 ? `<p class="more">… and ${more} more ${escapeHtml(type)} findings, listed in full in findings.json and the findings CSV.</p>` : ''
        }`;
      })
      .join('');
    return `<h3>${severity.charAt(0).toUpperCase()}${severity.slice(1)} (${ofSeverity.length})</h3>${body}`;
  });
  return `<p>${findings.length} findings ${escapeHtml(scope)}. Each is one sentence with its key details; every detail of every finding is in findings.json.</p>${groups.join('')}`;
}
