/** The column contract of VirtualTable.svelte, shared with toCsv so a CSV holds exactly what the table shows. */

export type CellValue = string | number | null;

export interface Column<Row> {
  /** Stable id: used for sorting and as the CSV header when no label is wanted. */
  key: string;
  label: string;
  /** The cell's value; also what local sorting and CSV export use. */
  value: (row: Row) => CellValue;
  /** A CSS grid track, e.g. '12rem' or 'minmax(10rem, 2fr)'. Default 'minmax(6rem, 1fr)'. */
  width?: string;
  align?: 'start' | 'end';
  /** Monospace cell (hashes, paths, IPs). */
  mono?: boolean;
  /** Default true. */
  sortable?: boolean;
}

type SortDir = 'asc' | 'desc';

export interface SortState {
  key: string;
  dir: SortDir;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Nulls last in both directions, numbers numerically, text in natural order. */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState | null): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return rows;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: column.value(row) }));
  keyed.sort((x, y) => {
    if (x.v === null || y.v === null) return compareCells(x.v, y.v);
    return sign * compareCells(x.v, y.v);
  });
  return keyed.map((k) => k.row);
}
