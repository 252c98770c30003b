/**
 * The messages picked in the Messages tab (a ListSelection keyed by path), with "export selected" also as a
 * zip with a hash manifest (database rows without a file have no bytes and are left out, as the note says).
 */
import { EMPTY_MESSAGE_FILTER, toMessageRow, type MessageRow } from '../queries/messages.ts';
import type { TriageClient } from '../triageClient.ts';
import type { CaseTags } from './caseTags.svelte.ts';
import { ListSelection, type Save } from './listSelection.svelte.ts';
import { readAllRows } from './readAllRows.ts';
import type { SelectMode } from './rowSelection.ts';

export class MessageSelection extends ListSelection<MessageRow> {
  /** What the last zip export left out, said beside the bar. */
  note = $state<string | null>(null);
  readonly #client: TriageClient;
  readonly #save: Save;

  constructor(client: TriageClient, tags: CaseTags, save: Save) {
    super({
      kind: 'message',
      keyOf: (r) => r.path,
      tags,
      save,
      // Read again, by date: the stars and folders are those of now, not of when the rows were picked.
      current: (keys) => {
        const filter = { ...EMPTY_MESSAGE_FILTER, paths: [...keys] };
        return readAllRows<MessageRow>(async (offset, limit) => {
          return (await client.ask('messagePage', filter, 'date', 'asc', offset, limit)).rows.map(toMessageRow);
        });
      },
    });
    this.#client = client;
    this.#save = save;
  }

  override select(index: number, mode: SelectMode, rowAt: (i: number) => MessageRow | undefined): void {
    super.select(index, mode, rowAt);
    this.note = null;
  }

  override clear(): void {
    super.clear();
    this.note = null;
  }

  async exportZip(): Promise<void> {
    const selected = [...this.state.keys];
    const withFile = (await this.#client.ask('selectedWithFile', selected)).rows.map((r) => String(r[0]));
    const left = selected.length - withFile.length;
    if (withFile.length > 0) this.#save('selected-messages.zip', await this.#client.exportMessagesZip(withFile), 'application/zip');
    this.note = `${withFile.length} message${withFile.length === 1 ? '' : 's'} exported` +
      (left > 0 ? `; ${left} database row${left === 1 ? '' : 's'} without a file left out (no bytes to export).` : '.');
  }
}
