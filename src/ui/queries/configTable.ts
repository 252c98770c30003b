/**
 * The shape of one decoded configuration table (aliases, rules, IP ranges…): rows of display values and
 * an Attention text where a row matters to an examiner, so one component renders and exports them all.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import type { CellValue, Column } from '../components/tableColumn.ts';

export interface ConfigRow {
  cells: Record<string, CellValue>;
  /** Why this row matters (mail leaves the server, deletes mail, open relay…); '' when it does not. */
  attention: string;
}

export interface ConfigTable {
  id: string;
  title: string;
  /** One or two sentences: what the table is, where it comes from, how to read it. */
  about: string;
  columns: Column<ConfigRow>[];
  rows: ConfigRow[];
  /** False when the case database has no such table (no database, or an older schema). */
  available: boolean;
  /** The query hit the client's row limit: the table shows the first rows only. */
  truncated: boolean;
}

type ColumnSpec = [key: string, label: string, options?: Partial<Omit<Column<ConfigRow>, 'key' | 'label' | 'value'>>];

export const ATTENTION_KEY = 'attention';

/** Columns read the row's cells by key; tables that can warn get an Attention column next to the first, in view without scrolling. */
function configColumns(specs: ColumnSpec[], attention: boolean): Column<ConfigRow>[] {
  const columns: Column<ConfigRow>[] = specs.map(([key, label, options]) => ({ key, label, value: (r) => r.cells[key] ?? null, ...options }));
  if (attention) columns.splice(1, 0, { key: ATTENTION_KEY, label: 'Attention', value: (r) => r.attention || null, width: 'minmax(16rem, 2fr)' });
  return columns;
}

export interface TableSpec {
  id: string;
  title: string;
  about: string;
  columns: ColumnSpec[];
  attention?: boolean;
}

export function configTable(spec: TableSpec, rows: ConfigRow[], available: boolean, result?: QueryResult): ConfigTable {
  return {
    id: spec.id,
    title: spec.title,
    about: spec.about,
    columns: configColumns(spec.columns, spec.attention ?? false),
    rows,
    available,
    truncated: result?.truncated === true,
  };
}

/** A table whose hm_* source is missing from the case database. */
export function unavailable(spec: TableSpec): ConfigTable {
  return configTable(spec, [], false);
}

export function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? 'yes' : 'no';
}

/** Several reasons for attention in one cell. */
export function attentionOf(...reasons: (string | false | null | undefined)[]): string {
  return reasons.filter(Boolean).join('; ');
}
