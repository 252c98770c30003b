/**
 * The case's column layouts for every table (chooser, order, widths), read when a case opens and written
 * back to the case as the examiner changes them. A drag changes the width on screen at every step and is
 * written once, when it ends (commit).
 */
import { arrangeColumns, EMPTY_COLUMN_LAYOUT, type ColumnLayout } from '../../lib/model/columnLayout.ts';
import type { TriageClient } from '../triageClient.ts';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class ColumnLayouts {
  layouts = $state.raw<Record<string, ColumnLayout>>({});
  /** Moves on every layout written to the case: the autosave writes. */
  revision = $state(0);
  error = $state<string | null>(null);
  readonly #client: TriageClient;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  clear(): void {
    this.layouts = {};
    this.error = null;
  }

  async load(): Promise<void> {
    try {
      this.layouts = await this.#client.columnLayouts();
      this.error = null;
    } catch (err) {
      this.error = message(err);
    }
  }

  of(table: string): ColumnLayout {
    return this.layouts[table] ?? EMPTY_COLUMN_LAYOUT;
  }

  /** The columns a table shows, in the examiner's order: what its CSV exports hold. */
  shown<C extends { key: string }>(table: string, columns: readonly C[]): C[] {
    return arrangeColumns(columns, this.of(table));
  }

  /** Shows a layout at once; `commit` also writes it to the case (false while a drag goes on). */
  async set(table: string, layout: ColumnLayout, commit = true): Promise<void> {
    this.layouts = { ...this.layouts, [table]: layout };
    if (!commit) return;
    try {
      await this.#client.setColumnLayout(table, layout);
      this.error = null;
      this.revision++;
    } catch (err) {
      this.error = `The column layout was not saved in the case: ${message(err)}`;
    }
  }
}
