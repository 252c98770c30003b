/**
 * The rows picked with Ctrl/Shift+click (Ctrl+Space, Shift+arrows) in a list, held by a key of their own (the one
 * their annotations use, when they take annotations) so that a new filter or sort keeps them: the selected count,
 * tagging and bookmarking them all (or the items they stand for) through the case's annotations, and "export
 * selected" as CSV rows (through the guarded writer) in the columns given.
 */
import type { AnnotatedItem, AnnotationKind } from '../../lib/model/annotation.ts';
import type { Column } from '../components/tableColumn.ts';
import { toCsv } from '../csv.ts';
import type { CaseTags } from './caseTags.svelte.ts';
import { EMPTY_SELECTION, selectRows, type SelectionState, type SelectMode } from './rowSelection.ts';

export type Save = (name: string, data: string | Uint8Array, type: string) => void;

interface SelectionOptions<Row> {
  /** The row's key: its annotation key (AnnotatedItem.key) when the rows are annotated items of `kind`. */
  keyOf: (row: Row) => string;
  tags: CaseTags;
  save: Save;
  /**
   * The selected rows as they are now, for the export (a list that holds all its rows, or can read them again,
   * gives current values such as notes and stars); without it, the rows as they were when picked.
   */
  current?: (keys: ReadonlySet<string>) => Row[] | Promise<Row[]>;
}

/**
 * Either the rows are annotated items of one kind, or each row stands for an item (a timeline event for its
 * message, log session or account), and itemOf gives it, or null when the row stands for nothing that takes tags.
 */
export type ListSelectionOptions<Row> = SelectionOptions<Row> &
  ({ kind: AnnotationKind } | { itemOf: (row: Row) => AnnotatedItem | null });

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

  /** The selection as annotation items, in the order picked, each once. */
  items(): AnnotatedItem[] {
    const options = this.#options;
    if ('kind' in options) return [...this.state.keys].map((key) => ({ kind: options.kind, key }));
    const items = new Map<string, AnnotatedItem>();
    for (const row of this.#picked.values()) {
      const item = options.itemOf(row);
      if (item) items.set(`${item.kind}:${item.key}`, item);
    }
    return [...items.values()];
  }

  /** Selected rows that stand for no item, so tagging and bookmarking pass them by. */
  get untaggable(): number {
    const options = this.#options;
    // #picked is not reactive but changes only with state: reading state first makes the count follow the selection.
    if (this.state.keys.size === 0 || 'kind' in options) return 0;
    let n = 0;
    for (const row of this.#picked.values()) if (options.itemOf(row) === null) n++;
    return n;
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
