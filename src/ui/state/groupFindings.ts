/** Findings grouped for the Indicators tab: category (findings-schema.md order), then type, worst first. */
import { SEVERITY_RANK, type Severity } from '../../lib/model/finding.ts';
import type { FindingCategory } from '../../lib/model/findingCategory.ts';
import type { FindingRow } from '../queries/indicatorsQueries.ts';

const CATEGORY_ORDER: FindingCategory[] = ['Integrity', 'Authenticity', 'Spam', 'Abuse', 'Attachments', 'Configuration & accounts'];

export interface TypeGroup {
  type: string;
  severity: Severity;
  findings: FindingRow[];
  /** Some of its findings point at messages, so "open these messages" makes sense. */
  hasMessages: boolean;
}

export interface CategoryGroup {
  category: string;
  count: number;
  /** Null when the category has no findings. */
  severity: Severity | null;
  types: TypeGroup[];
}

function worst(a: Severity | null, b: Severity): Severity {
  return a === null || SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

export function groupFindings(rows: FindingRow[]): CategoryGroup[] {
  const byCategory = new Map<string, Map<string, TypeGroup>>();
  for (const row of rows) {
    const types = byCategory.get(row.category) ?? new Map<string, TypeGroup>();
    byCategory.set(row.category, types);
    const group = types.get(row.type) ?? { type: row.type, severity: row.severity, findings: [], hasMessages: false };
    types.set(row.type, group);
    group.findings.push(row);
    group.severity = worst(group.severity, row.severity);
    group.hasMessages ||= row.ref.message !== undefined;
  }
  const extra = [...byCategory.keys()].filter((c) => !(CATEGORY_ORDER as string[]).includes(c)).sort();
  return [...CATEGORY_ORDER, ...extra].map((category) => {
    // Ties fall back to the human alphabet (localeCompare): this order is only shown, never exported.
    const types = [...(byCategory.get(category)?.values() ?? [])].sort(
      (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.findings.length - a.findings.length || a.type.localeCompare(b.type),
    );
    return {
      category,
      count: types.reduce((n, t) => n + t.findings.length, 0),
      severity: types.reduce<Severity | null>((s, t) => worst(s, t.severity), null),
      types,
    };
  });
}
