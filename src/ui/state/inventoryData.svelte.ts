/**
 * The Inventory tab: every entry of the current case, filtered by status, kind and path text; the opened
 * entry and, on request, its bytes (text or hex view).
 */
import { loadInventory, type InventoryRow } from '../queries/inventoryQueries.ts';
import type { TriageClient } from '../triageClient.ts';
import { withTag } from './withTag.ts';

export class InventoryData {
  rows = $state.raw<InventoryRow[]>([]);
  status = $state('');
  kind = $state('');
  search = $state('');
  /** Keys of the rows carrying the tag chosen in the view's tag filter; null for no tag filter. */
  tagged = $state.raw<ReadonlySet<string> | null>(null);
  selected = $state.raw<InventoryRow | null>(null);
  bytes = $state.raw<Uint8Array | null>(null);
  bytesError = $state<string | null>(null);

  readonly filtered = $derived(withTag(this.filter(this.rows, this.status, this.kind, this.search), this.tagged, (r) => r.path));
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
    this.select(null);
  }

  select(row: InventoryRow | null): void {
    this.selected = row;
    this.bytes = null;
    this.bytesError = null;
  }

  /** The opened entry's bytes, read once from the evidence (a reopened case has none: its error says so). */
  async loadBytes(): Promise<void> {
    const row = this.selected;
    if (!row || this.bytes) return;
    try {
      const bytes = await this.client.readEntry(row.path);
      if (row === this.selected) this.bytes = bytes;
    } catch (err) {
      if (row === this.selected) this.bytesError = err instanceof Error ? err.message : String(err);
    }
  }

  private filter(rows: InventoryRow[], status: string, kind: string, search: string): InventoryRow[] {
    const needle = search.trim().toLowerCase();
    if (!status && !kind && !needle) return rows;
    return rows.filter(
      (r) => (!status || r.status === status) && (!kind || r.kind === kind) && (!needle || r.path.toLowerCase().includes(needle)),
    );
  }
}
