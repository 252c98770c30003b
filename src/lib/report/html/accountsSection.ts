/** Accounts at risk: every account a finding names for a takeover, a weak or exposed password, unusual sending or mail leaving it. */
import { SEVERITY_RANK, type Severity } from '../../model/finding.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ReportFinding } from './reportModel.ts';
import { compareStrings } from '../../model/compareStrings.ts';

const REASONS: Record<string, string> = {
  'auth-after-failures': 'logged on after failed guesses',
  'weak-password': 'weak password',
  'credential-exposed-in-log': 'password readable in a log',
  'sending-spike': 'sent far above its usual volume',
  'relay-external-to-external': 'credentials used to relay outside mail',
  'forwarding-configured': 'mail forwarded automatically',
};

function accountOf(f: ReportFinding): string | null {
  if (f.type === 'relay-external-to-external') return typeof f.details.authenticatedAccount === 'string' ? f.details.authenticatedAccount : null;
  return f.ref.account ?? null;
}

export function accountsSection(findings: ReportFinding[]): string {
  const byAccount = new Map<string, { severity: Severity; reasons: Map<string, number>; ids: number[] }>();
  for (const f of findings) {
    const reason = REASONS[f.type];
    const account = reason ? accountOf(f) : null;
    if (!reason || !account) continue;
    const key = account.toLowerCase();
    const entry = byAccount.get(key) ?? { severity: f.severity, reasons: new Map<string, number>(), ids: [] };
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[entry.severity]) entry.severity = f.severity;
    entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
    entry.ids.push(f.id);
    byAccount.set(key, entry);
  }
  if (byAccount.size === 0) return '<p>No account is named by a finding of takeover, weak or exposed password, unusual sending or forwarding.</p>';
  const rows = [...byAccount]
    .sort(([a, x], [b, y]) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || compareStrings(a, b))
    .map(([account, e]) => {
      const reasons = [...e.reasons].map(([r, n]) => (n > 1 ? `${r} (${n} times)` : r)).join('; ');
      const ids = e.ids.slice(0, 8).map((id) => `#${id}`).join(', ') + (e.ids.length > 8 ? ` and ${e.ids.length - 8} more` : '');
      return `<tr><td>${escapeHtml(account)}</td><td><span class="sev sev-${e.severity}">${escapeHtml(e.severity)}</span></td><td>${escapeHtml(reasons)}</td><td>${escapeHtml(ids)}</td></tr>`;
    })
    .join('');
  return `<p>${byAccount.size} account${byAccount.size === 1 ? '' : 's'} at risk. Change their passwords, review their forwarding and rules, and check what they sent.</p>
<table><colgroup><col style="width:32%"><col style="width:12%"><col><col style="width:16%"></colgroup><thead><tr><th>Account</th><th>Risk</th><th>Why</th><th>Findings</th></tr></thead><tbody>${rows}</tbody></table>`;
}
