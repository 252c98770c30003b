/**
 * Columns of a paged table, whose rows VirtualTable knows only by index, made from the columns of its row
 * type: the table and its CSV export then share one definition.
 */
import type { Column } from './tableColumn.ts';

export function indexColumns<Row>(columns: Column<Row>[], rowAt: (index: number) => Row | undefined): Column<number>[] {
  return columns.map((c) => ({
    ...c,
    value: (i: number) => {
      const row = rowAt(i);
      return row === undefined ? null : c.value(row);
    },
  }));
}
