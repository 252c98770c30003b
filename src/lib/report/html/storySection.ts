/** The executive summary: findings counted by severity, then the attack chains step by step, then the examiner's conclusions. */
import { SEVERITY_RANK, type Severity } from '../../model/finding.ts';
import type { EvidenceLink, StoryChain, StoryStep } from '../story/storyChain.ts';
import { escapeHtml } from './escapeHtml.ts';
import { htmlTable } from './htmlTable.ts';
import type { ReportFinding } from './reportModel.ts';

const SEVERITIES: Severity[] = ['high', 'medium', 'low', 'info'];

function evidenceText(link: EvidenceLink, listed: Set<number>): string {
  switch (link.kind) {
    case 'finding':
      return listed.has(link.findingId)
        ? `<a href="#finding-${link.findingId}">finding #${link.findingId}</a>`
        : `finding #${link.findingId} (${escapeHtml(link.type)})`;
    case 'message':
      return `message <span class="mono">${escapeHtml(link.path)}</span>`;
    case 'session':
      return `log: ${escapeHtml(link.label)}`;
    case 'account':
      return `account ${escapeHtml(link.address)}`;
    case 'ip':
      return `log sessions of ${escapeHtml(link.ip)}`;
  }
}

function stepTimeText(step: StoryStep): string {
  const t = step.time;
  return t ? `${escapeHtml(t.utc.slice(0, 19).replace('T', ' '))} UTC · ${escapeHtml(t.server)} server time (${escapeHtml(t.zone)})` : 'no time in the evidence';
}

function chainHtml(chain: StoryChain, listed: Set<number>): string {
  const steps = chain.steps
    .map(
      (s) => `<li><p>${escapeHtml(s.text)}</p><div class="step-meta">${stepTimeText(s)} · <span class="conf">${escapeHtml(s.confidence)}</span> · evidence: ${
        s.evidence.map((e) => evidenceText(e, listed)).join('; ') || 'none'
      }</div></li>`,
    )
    .join('');
  return `<div class="chain"><h3><span class="sev sev-${chain.severity}">${escapeHtml(chain.severity)}</span> ${escapeHtml(chain.title)}</h3><ol>${steps}</ol></div>`;
}

export function storySection(story: StoryChain[], findings: ReportFinding[], listed: Set<number>, conclusions: string): string {
  const counts = SEVERITIES.map((s) => findings.filter((f) => f.severity === s).length);
  const chains = [...story].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return `<p>The analysis produced ${findings.length} findings. What they show, as chains of events, each step with its time in UTC and on the server's clock, how firmly the evidence supports it (confirmed: recorded in the evidence; likely: inferred from strong signs; possible: consistent with the evidence) and where to find it:</p>
${htmlTable(['High', 'Medium', 'Low', 'Info'], [counts])}
${chains.length ? chains.map((c) => chainHtml(c, listed)).join('') : '<p>The findings tell no attack chain: no logon after failed guesses, no mail relayed with an account, no message altered after signing, no mail leaving the server and no risky setting an incident used.</p>'}
${conclusions ? `<h3>Conclusions of the examiner</h3><pre class="note">${escapeHtml(conclusions)}</pre>` : ''}`;
}
