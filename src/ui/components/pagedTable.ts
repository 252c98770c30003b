/**
 * The paged tables of the Messages and Logs tabs know their rows only by index, and a row may still be on its
 * way from the case database: columns and row clicks read the row at an index, and a click on a row not yet
 * loaded does nothing.
 */
import { indexColumns } from './indexColumns.ts';
import type { Column } from './tableColumn.ts';

export interface PagedTable<Row> {
  row: (index: number) => Row | undefined;
  columns: Column<number>[];
  /** Calls `open` with the row at `index` once it is loaded. */
  openRow: (index: number, open: (row: Row) => void) => void;
}

export function pagedTable<Row>(rowAt: (index: number) => Row | undefined, columns: Column<Row>[]): PagedTable<Row> {
  return {
    row: rowAt,
    columns: indexColumns(columns, rowAt),
    openRow: (index, open) => {
      const row = rowAt(index);
      if (row) open(row);
    },
  };
}
