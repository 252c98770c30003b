/** The Inventory tab: every entry of the current case, filtered by status, kind and path text. */
import { loadInventory, type InventoryRow } from '../queries/inventoryQueries.ts';
import type { TriageClient } from '../triageClient.ts';

export class InventoryData {
  rows = $state.raw<InventoryRow[]>([]);
  status = $state('');
  kind = $state('');
  search = $state('');

  readonly filtered = $derived(this.filter(this.rows, this.status, this.kind, this.search));
  /** The kinds and statuses present, for the filter menus. */
  readonly kinds = $derived([...new Set(this.rows.map((r) => r.kind))].sort());
  readonly statuses = $derived([...new Set(this.rows.map((r) => r.status))].sort());

  private ticket = 0;

  constructor(private readonly client: TriageClient) {}

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const rows = await loadInventory(this.client);
    if (ticket === this.ticket) this.rows = rows;
  }

  clear(): void {
    this.ticket++;
    this.rows = [];
  }

  private filter(rows: InventoryRow[], status: string, kind: string, search: string): InventoryRow[] {
    const needle = search.trim().toLowerCase();
    if (!status && !kind && !needle) return rows;
    return rows.filter(
      (r) => (!status || r.status === status) && (!kind || r.kind === kind) && (!needle || r.path.toLowerCase().includes(needle)),
    );
  }
}
