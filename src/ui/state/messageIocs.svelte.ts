/**
 * The case-wide IOC table (URLs, domains, IPs, addresses, hashes seen in messages): paged like the
 * message table, and read whole, chunk by chunk, only for a CSV export.
 */
import type { IocFilter, IocSortKey } from '../../lib/store/queries/messageIocQueries.ts';
import { EMPTY_IOC_FILTER, isIocSortKey, toIocRow, type IocRow } from '../queries/messageIocs.ts';
import type { SortDir } from '../../lib/store/queries/messageQueries.ts';
import type { TriageClient } from '../triageClient.ts';
import { PagedRows } from './pagedRows.svelte.ts';
import { queryScalar } from '../queries/queryRows.ts';

/** Rows per query of the CSV export: below the console's 10,000-row cut. */
const IOC_EXPORT_CHUNK = 5_000;

export class MessageIocs {
  runId = $state<number | null>(null);
  filter = $state.raw<IocFilter>(EMPTY_IOC_FILTER);
  sortKey = $state<IocSortKey>('count');
  sortDir = $state<SortDir>('desc');
  kinds = $state.raw<{ kind: string; count: number }[]>([]);
  readonly rows = new PagedRows<IocRow>();
  readonly #client: TriageClient;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  async open(runId: number): Promise<void> {
    if (runId === this.runId) return;
    this.runId = runId;
    this.kinds = [];
    const reload = this.#reload();
    const kinds = await this.#client.ask('iocKinds');
    if (runId === this.runId) this.kinds = kinds.rows.map((r) => ({ kind: String(r[0]), count: Number(r[1]) }));
    await reload;
  }

  setFilter(patch: Partial<IocFilter>): void {
    this.filter = { ...this.filter, ...patch };
    void this.#reload();
  }

  setSort(key: string, dir: SortDir): void {
    if (!isIocSortKey(key)) return;
    this.sortKey = key;
    this.sortDir = dir === 'asc' ? 'asc' : 'desc';
    void this.#reload();
  }

  /** Every row under the current filter and sort, for the CSV export. */
  async allRows(): Promise<IocRow[]> {
    const out: IocRow[] = [];
    for (let offset = 0; ; offset += IOC_EXPORT_CHUNK) {
      const rows = (await this.#client.ask('iocPage', this.filter, this.sortKey, this.sortDir, offset, IOC_EXPORT_CHUNK)).rows.map(toIocRow);
      out.push(...rows);
      if (rows.length < IOC_EXPORT_CHUNK) return out;
    }
  }

  #reload(): Promise<void> {
    const client = this.#client;
    const [filter, key, dir] = [this.filter, this.sortKey, this.sortDir];
    return this.rows.reset({
      async count() {
        return Number(queryScalar(await client.ask('iocCount', filter)) ?? 0);
      },
      async page(offset, limit) {
        return (await client.ask('iocPage', filter, key, dir, offset, limit)).rows.map(toIocRow);
      },
    });
  }
}
