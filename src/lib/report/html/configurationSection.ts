/** Configuration risks in plain words: each key setting with the risk of its value, then the configuration findings as sentences. */
import { SEVERITY_RANK } from '../../model/finding.ts';
import type { SettingRisk } from '../formatSettingRisk.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFinding, ReportSetting } from './reportModel.ts';

const RISK_WORDS: Record<SettingRisk, string> = {
  high: 'high risk', medium: 'risk', low: 'weakens protection', neutral: '—', safe: 'safe', unknown: 'not set',
};
const RISK_ORDER: SettingRisk[] = ['high', 'medium', 'low', 'unknown', 'safe', 'neutral'];
/** Setting findings that are told here; account findings go to "Accounts at risk". */
const CONFIG_TYPES = new Set(['attachment-blocking-disabled', 'spam-test-disabled', 'open-relay-range', 'autoban-disabled', 'forwarding-configured']);

export function configurationSection(settings: ReportSetting[], findings: ReportFinding[]): string {
  const rated = [...settings].sort((a, b) => RISK_ORDER.indexOf(a.risk) - RISK_ORDER.indexOf(b.risk));
  const rows = rated
    .map((s) => `<tr><td>${escapeHtml(s.label)}</td><td>${escapeHtml(s.value)}</td><td class="risk-${s.risk}">${escapeHtml(RISK_WORDS[s.risk])}</td><td>${escapeHtml(s.why)}</td></tr>`)
    .join('');
  const table = settings.length
    ? `<table><colgroup><col style="width:30%"><col style="width:22%"><col style="width:16%"><col></colgroup><thead><tr><th>Setting</th><th>Value</th><th>Risk</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>The evidence holds no hMailServer settings (no database, or no hm_settings table).</p>';
  const told = findings.filter((f) => CONFIG_TYPES.has(f.type)).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.id - b.id);
  const sentences = told.length
    ? `<h3>What the configuration allows</h3><ul>${told.map((f) => `<li><span class="sev sev-${f.severity}">${escapeHtml(f.severity)}</span> ${escapeHtml(f.summary)}</li>`).join('')}</ul>`
    : '<p>No configuration finding.</p>';
  return `<p>The colour of a value follows its risk, not whether it is on or off: "SMTP AUTH in plain text: off" is the safe value.</p>${table}${sentences}`;
}
