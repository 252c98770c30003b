/** The Indicators tab's findings as CSV: one row per finding, references and details as findings.json has them. */
import type { Column } from '../components/tableColumn.ts';
import { toCsv } from '../csv.ts';
import type { FindingRow } from '../queries/indicatorsQueries.ts';

export const FINDING_COLUMNS: Column<FindingRow>[] = [
  { key: 'id', label: 'ID', value: (r) => r.id },
  { key: 'severity', label: 'Severity', value: (r) => r.severity },
  { key: 'category', label: 'Category', value: (r) => r.category },
  { key: 'type', label: 'Type', value: (r) => r.type },
  { key: 'summary', label: 'Summary', value: (r) => r.summary },
  { key: 'message', label: 'Message', value: (r) => r.ref.message ?? null },
  { key: 'account', label: 'Account', value: (r) => r.ref.account ?? null },
  { key: 'ip', label: 'IP', value: (r) => r.ref.ip ?? null },
  { key: 'file', label: 'File', value: (r) => r.ref.file ?? null },
  { key: 'setting', label: 'Setting', value: (r) => r.ref.setting ?? null },
  { key: 'note', label: 'Examiner note', value: (r) => r.note || null },
  { key: 'details', label: 'Details (JSON)', value: (r) => (Object.keys(r.details).length ? JSON.stringify(r.details) : null) },
];

export function findingsCsv(rows: FindingRow[]): string {
  return toCsv(FINDING_COLUMNS, rows);
}
