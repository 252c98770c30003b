/**
 * The messages picked with Ctrl/Shift+click in the Messages tab (by path, so a new filter or sort keeps
 * them): bulk tagging, and "export selected" as a zip with a hash manifest (database rows without a file
 * have no bytes and are left out) or as CSV rows.
 */
import { toCsv } from '../csv.ts';
import { MESSAGE_COLUMNS } from '../components/messageColumns.ts';
import { EMPTY_MESSAGE_FILTER, toMessageRow, type MessageRow } from '../queries/messages.ts';
import type { TriageClient } from '../triageClient.ts';
import type { CaseTags } from './caseTags.svelte.ts';
import { readAllRows } from './readAllRows.ts';
import { EMPTY_SELECTION, selectRows, type SelectionState, type SelectMode } from './rowSelection.ts';

type Save = (name: string, data: string | Uint8Array, type: string) => void;

export class MessageSelection {
  state = $state.raw<SelectionState<string>>(EMPTY_SELECTION);
  /** What the last zip export left out, said beside the bar. */
  note = $state<string | null>(null);
  readonly #client: TriageClient;
  readonly #tags: CaseTags;
  readonly #save: Save;

  constructor(client: TriageClient, tags: CaseTags, save: Save) {
    this.#client = client;
    this.#tags = tags;
    this.#save = save;
  }

  get size(): number {
    return this.state.keys.size;
  }

  has(path: string): boolean {
    return this.state.keys.has(path);
  }

  select(index: number, mode: SelectMode, pathAt: (i: number) => string | null): void {
    this.state = selectRows(this.state, index, mode, pathAt);
    this.note = null;
  }

  clear(): void {
    this.state = EMPTY_SELECTION;
    this.note = null;
  }

  async tag(tag: string): Promise<void> {
    await this.#tags.tagItems([...this.state.keys].map((key) => ({ kind: 'message' as const, key })), tag);
  }

  async exportZip(): Promise<void> {
    const selected = [...this.state.keys];
    const withFile = (await this.#client.ask('selectedWithFile', selected)).rows.map((r) => String(r[0]));
    const left = selected.length - withFile.length;
    if (withFile.length > 0) this.#save('selected-messages.zip', await this.#client.exportMessagesZip(withFile), 'application/zip');
    this.note = `${withFile.length} message${withFile.length === 1 ? '' : 's'} exported` +
      (left > 0 ? `; ${left} database row${left === 1 ? '' : 's'} without a file left out (no bytes to export).` : '.');
  }

  async exportCsv(): Promise<void> {
    const filter = { ...EMPTY_MESSAGE_FILTER, paths: [...this.state.keys] };
    const rows = await readAllRows<MessageRow>(async (offset, limit) => {
      return (await this.#client.ask('messagePage', filter, 'date', 'asc', offset, limit)).rows.map(toMessageRow);
    });
    this.#save('selected-messages.csv', toCsv(MESSAGE_COLUMNS, rows), 'text/csv');
  }
}
