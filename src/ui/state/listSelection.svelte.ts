/**
 * The rows picked with Ctrl/Shift+click (Ctrl+Space, Shift+arrows) in a list, held by the key their annotations
 * use so that a new filter or sort keeps them: the selected count, tagging and bookmarking them all through the
 * case's annotations, and "export selected" as CSV rows (through the guarded writer) in the columns given.
 */
import type { AnnotatedItem, AnnotationKind } from '../../lib/model/annotation.ts';
import type { Column } from '../components/tableColumn.ts';
import { toCsv } from '../csv.ts';
import type { CaseTags } from './caseTags.svelte.ts';
import { EMPTY_SELECTION, selectRows, type SelectionState, type SelectMode } from './rowSelection.ts';

export type Save = (name: string, data: string | Uint8Array, type: string) => void;

export interface ListSelectionOptions<Row> {
  kind: AnnotationKind;
  /** The row's annotation key (AnnotatedItem.key). */
  keyOf: (row: Row) => string;
  tags: CaseTags;
  save: Save;
  /**
   * The selected rows as they are now, for the export (a list that holds all its rows, or can read them again,
   * gives current values such as notes and stars); without it, the rows as they were when picked.
   */
  current?: (keys: ReadonlySet<string>) => Row[] | Promise<Row[]>;
}

export class ListSelection<Row> {
  state = $state.raw<SelectionState<string>>(EMPTY_SELECTION);
  /** Each selected row as it was when picked: a paged list may have dropped its page since. */
  #picked = new Map<string, Row>();
  readonly #options: ListSelectionOptions<Row>;

  constructor(options: ListSelectionOptions<Row>) {
    this.#options = options;
  }

  get size(): number {
    return this.state.keys.size;
  }

  has(key: string): boolean {
    return this.state.keys.has(key);
  }

  /** rowAt gives the row at a list position, or undefined while it is not loaded (it is then skipped). */
  select(index: number, mode: SelectMode, rowAt: (i: number) => Row | undefined): void {
    const seen = new Map<string, Row>();
    const next = selectRows(this.state, index, mode, (i) => {
      const row = rowAt(i);
      if (row === undefined) return null;
      const key = this.#options.keyOf(row);
      seen.set(key, row);
      return key;
    });
    const picked = new Map<string, Row>();
    for (const key of next.keys) {
      const row = seen.get(key) ?? this.#picked.get(key);
      if (row !== undefined) picked.set(key, row);
    }
    this.#picked = picked;
    this.state = next;
  }

  clear(): void {
    this.#picked = new Map();
    this.state = EMPTY_SELECTION;
  }

  /** The selection as annotation items, in the order picked. */
  items(): AnnotatedItem[] {
    return [...this.state.keys].map((key) => ({ kind: this.#options.kind, key }));
  }

  async tag(tag: string): Promise<void> {
    await this.#options.tags.tagItems(this.items(), tag);
  }

  async bookmark(): Promise<void> {
    await this.#options.tags.bookmarkItems(this.items());
  }

  async rows(): Promise<Row[]> {
    return this.#options.current ? await this.#options.current(this.state.keys) : [...this.#picked.values()];
  }

  /** @param columns the columns the list shows, in its order */
  async exportCsv(file: string, columns: Column<Row>[]): Promise<void> {
    this.#options.save(file, toCsv(columns, await this.rows()), 'text/csv');
  }
}
