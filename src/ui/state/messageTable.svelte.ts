/**
 * The Messages tab's table: filter, sort and the rows of case_messages under the visible window.
 * Rows are fetched by page through TriageClient.ask (never all at once); a new case or filter drops
 * every answer still on its way.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import { queryScalar } from '../queries/queryRows.ts';
import type { MessageFilter, MessageSortKey, SortDir } from '../../lib/store/queries/messageQueries.ts';
import { EMPTY_MESSAGE_FILTER, isMessageSortKey, prepareSearch, toMessageRow, type MessageRow } from '../queries/messages.ts';
import type { TriageClient } from '../triageClient.ts';
import { PagedRows } from './pagedRows.svelte.ts';
import { readAllRows } from './readAllRows.ts';

export interface MessageFacets {
  accounts: string[];
  folders: string[];
  indicators: string[];
}

const NO_FACETS: MessageFacets = { accounts: [], folders: [], indicators: [] };

const column = (r: QueryResult): string[] => r.rows.map((row) => String(row[0]));

export class MessageTable {
  filter = $state.raw<MessageFilter>(EMPTY_MESSAGE_FILTER);
  sortKey = $state<MessageSortKey>('date');
  sortDir = $state<SortDir>('desc');
  facets = $state.raw<MessageFacets>(NO_FACETS);
  runId = $state<number | null>(null);
  /** Rows under the filter that are database rows without a file (explained beside the row count). */
  noFile = $state(0);
  readonly rows = new PagedRows<MessageRow>();
  readonly #client: TriageClient;
  readonly #onFilter: (filter: MessageFilter) => void;

  /** onFilter hears every filter the table applies (the case panel exports the listed messages). */
  constructor(client: TriageClient, onFilter: (filter: MessageFilter) => void = () => {}) {
    this.#client = client;
    this.#onFilter = onFilter;
  }

  /** Shows the case of this run; resolves when the count, facets and first rows are in. */
  open(runId: number): Promise<void> {
    if (runId === this.runId) return Promise.resolve();
    this.runId = runId;
    this.facets = NO_FACETS;
    return Promise.all([this.#loadFacets(runId), this.#reload()]).then(() => undefined);
  }

  setFilter(patch: Partial<MessageFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.#onFilter(this.filter);
    void this.#reload();
  }

  /** Replaces the whole filter: an examiner sent here from another tab starts from a clean filter. */
  replaceFilter(filter: MessageFilter): void {
    this.filter = filter;
    this.#onFilter(filter);
    void this.#reload();
  }

  /** Sorts by a whitelisted column; any other key is ignored. */
  setSort(key: string, dir: SortDir): void {
    if (!isMessageSortKey(key)) return;
    this.sortKey = key;
    this.sortDir = dir === 'asc' ? 'asc' : 'desc';
    void this.#reload();
  }

  /** Re-reads the rows after a change they show (a bookmark set or removed). */
  refresh(): void {
    void this.#reload();
  }

  /** Every row under the current filter and sort, for the CSV export. */
  allRows(): Promise<MessageRow[]> {
    const client = this.#client;
    const { filter, sortKey, sortDir } = this;
    return readAllRows(async (offset, limit) => {
      await prepareSearch(client, filter);
      return (await client.ask('messagePage', filter, sortKey, sortDir, offset, limit)).rows.map(toMessageRow);
    });
  }

  #reload(): Promise<void> {
    if (this.runId === null) return Promise.resolve();
    const client = this.#client;
    const filter = this.filter;
    const key = this.sortKey;
    const dir = this.sortDir;
    const setNoFile = (n: number) => {
      if (filter === this.filter) this.noFile = n;
    };
    return this.rows.reset({
      async count() {
        await prepareSearch(client, filter);
        const [total, noFile] = await Promise.all([client.ask('messageCount', filter), client.ask('databaseOnlyCount', filter)]);
        setNoFile(Number(queryScalar(noFile) ?? 0));
        return Number(queryScalar(total) ?? 0);
      },
      async page(offset, limit) {
        await prepareSearch(client, filter);
        return (await client.ask('messagePage', filter, key, dir, offset, limit)).rows.map(toMessageRow);
      },
    });
  }

  async #loadFacets(runId: number): Promise<void> {
    try {
      const [accounts, folders, indicators] = await Promise.all([
        this.#client.ask('messageAccounts'),
        this.#client.ask('messageFolders'),
        this.#client.ask('messageIndicators'),
      ]);
      if (runId !== this.runId) return;
      this.facets = { accounts: column(accounts), folders: column(folders), indicators: column(indicators) };
    } catch {
      // Facets only fill the drop-downs: without them the filters still work as free text.
    }
  }
}
