/**
 * The examiner's HTML report: one self-contained file (inline CSS and SVG, no script, no external
 * resource), laid out to print to PDF from the browser with a page break before each major section.
 */
import { SEVERITY_RANK, type Severity } from '../model/finding.ts';

export interface ReportFinding {
  id: number;
  type: string;
  severity: Severity;
  category: string;
  summary: string;
  ref: Record<string, string>;
  details: string;
  note: string | null;
}

export interface ReportBookmark {
  path: string;
  tags: string;
  note: string;
  subject: string;
  from: string;
  date: string | null;
  headers: { name: string; value: string }[];
}

export interface ReportInput {
  generatedAt: string;
  version: string;
  caseDetails: { examiner: string; caseNumber: string; notes: string };
  evidence: { name: string; size: number; md5: string; sha256: string }[];
  inventory: { path: string; kind: string; size: number; md5: string; sha256: string; status: string; error: string | null }[];
  server: { source: string; path: string | null; schemaVersion: number | null; maxMessageId: number | null; settings: Record<string, unknown> };
  findings: ReportFinding[];
  timeline: { day: string; count: number }[];
  /** The zone the server's local times were read in, and why. */
  timeZone: { id: string; basis: string };
  /** Times kept off the timeline (placeholders, unknown zones), grouped by reason and event type. */
  timesLeftOut: { rows: { note: string; type: string; count: number; first: string; last: string }[]; total: number };
  bookmarks: ReportBookmark[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value from the evidence is attacker-controlled text: escaped, never interpreted. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
body{font:13px/1.45 system-ui,sans-serif;color:#1b1f24;margin:2rem;max-width:1100px}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;border-bottom:2px solid #30363d;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #c9d1d9;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f3f6}.mono{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
.sev{display:inline-block;padding:0 6px;border-radius:3px;color:#fff;font-weight:600;font-size:11px}
.sev-high{background:#b62324}.sev-medium{background:#bc4c00}.sev-low{background:#9a6700}.sev-info{background:#57606a}
.finding{border:1px solid #d0d7de;border-radius:4px;padding:.4rem .6rem;margin:.4rem 0;break-inside:avoid}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.4rem;margin:.3rem 0;font-size:11px}
section{break-before:page}section.first{break-before:auto}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}`;

function table(headers: string[], rows: unknown[][], monoColumns: number[] = []): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${monoColumns.includes(i) ? ' class="mono"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function timelineSvg(days: { day: string; count: number }[]): string {
  if (days.length === 0) return '<p>No timed events.</p>';
  const width = 1000;
  const height = 160;
  const max = days.reduce((m, d) => (d.count > m ? d.count : m), 0);
  const bar = width / days.length;
  const bars = days
    .map((d, i) => {
      const h = Math.max(1, Math.round((d.count / max) * (height - 20)));
      return `<rect x="${(i * bar).toFixed(1)}" y="${height - h}" width="${Math.max(1, bar - 1).toFixed(1)}" height="${h}" fill="#0969da"><title>${escapeHtml(d.day)}: ${d.count}</title></rect>`;
    })
    .join('');
  const label = `<text x="0" y="12" font-size="11">${escapeHtml(days[0].day)} … ${escapeHtml(days[days.length - 1].day)} (max ${max}/day)</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Events per day">${label}${bars}</svg>`;
}

function findingBlock(f: ReportFinding): string {
  const refs = Object.entries(f.ref).map(([k, v]) => `${k}: ${v}`);
  return `<div class="finding"><span class="sev sev-${f.severity}">${escapeHtml(f.severity)}</span> <strong>${escapeHtml(f.type)}</strong>
<p>${escapeHtml(f.summary)}</p>${refs.length ? `<div class="mono">${refs.map(escapeHtml).join('<br>')}</div>` : ''}
<pre>${escapeHtml(f.details)}</pre>${f.note ? `<p><em>Examiner note:</em> ${escapeHtml(f.note)}</p>` : ''}</div>`;
}

export function htmlReport(input: ReportInput): string {
  const findings = [...input.findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id - b.id);
  const counts = (['high', 'medium', 'low', 'info'] as Severity[]).map((s) => [s, findings.filter((f) => f.severity === s).length]);
  const settings = Object.entries(input.server.settings).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
  const bookmarks = input.bookmarks
    .map(
      (b) => `<div class="finding"><strong>${escapeHtml(b.subject || '(no subject)')}</strong> — ${escapeHtml(b.from)} — ${escapeHtml(b.date ?? 'no date')}
<div class="mono">${escapeHtml(b.path)}</div>${b.tags ? `<p>Tags: ${escapeHtml(b.tags)}</p>` : ''}${b.note ? `<p><em>Note:</em> ${escapeHtml(b.note)}</p>` : ''}
<pre>${b.headers.map((h) => `${escapeHtml(h.name)}: ${escapeHtml(h.value)}`).join('\n')}</pre></div>`,
    )
    .join('');
  const d = input.caseDetails;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>hMail Triage report ${escapeHtml(d.caseNumber)}</title><style>${CSS}</style></head><body>
<section class="first" id="case"><h1>hMail Triage report</h1>
${table(['Case number', 'Examiner', 'Generated (UTC)', 'Tool version'], [[d.caseNumber || '—', d.examiner || '—', input.generatedAt, input.version]])}
${d.notes ? `<pre>${escapeHtml(d.notes)}</pre>` : ''}
<h2 id="summary">Summary</h2>${table(['Severity', 'Findings'], counts)}</section>
<section id="evidence"><h2>Evidence and hashes</h2>${table(['File', 'Size', 'MD5', 'SHA-256'], input.evidence.map((e) => [e.name, e.size, e.md5, e.sha256]), [2, 3])}</section>
<section id="server"><h2>Server configuration audit</h2>
${table(['Database source', 'Path', 'Schema version', 'Max message ID'], [[input.server.source, input.server.path ?? '—', input.server.schemaVersion ?? '—', input.server.maxMessageId ?? '—']])}
${settings.length ? table(['Setting', 'Value'], settings) : '<p>No database settings in the evidence.</p>'}</section>
<section id="indicators"><h2>Indicators by severity</h2>${findings.map(findingBlock).join('') || '<p>No findings.</p>'}</section>
<section id="timeline"><h2>Timeline</h2>
<p>Every time is in UTC. The server's local times (logs, database) were read in <strong>${escapeHtml(input.timeZone.id)}</strong>: ${escapeHtml(input.timeZone.basis.replace(/\.$/, ''))}.</p>
${timelineSvg(input.timeline)}
<h3>Times left out</h3>${
    input.timesLeftOut.total === 0
      ? '<p>None: every time in the evidence is a real instant.</p>'
      : `<p>${input.timesLeftOut.total} times are not on the timeline and not in the Timesketch export (placeholders such as hMailServer's "never", or times whose zone nobody recorded); the timeline CSV lists each one.</p>
${table(['Why', 'Type', 'Times', 'Earliest as written', 'Latest as written'], input.timesLeftOut.rows.map((r) => [r.note.replace(/^left out: /, ''), r.type, r.count, r.first, r.last]), [3, 4])}`
  }</section>
<section id="bookmarks"><h2>Bookmarked messages</h2>${bookmarks || '<p>No bookmarked messages.</p>'}</section>
<section id="inventory"><h2>Appendix: inventory</h2>
${table(['Path', 'Kind', 'Size', 'MD5', 'SHA-256', 'Status'], input.inventory.map((e) => [e.path, e.kind, e.size, e.md5, e.sha256, e.status === 'ok' ? 'ok' : `${e.status}: ${e.error ?? ''}`]), [0, 3, 4])}</section>
</body></html>
`;
}
