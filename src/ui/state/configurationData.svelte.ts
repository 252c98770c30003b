/** The Overview's Configuration section: the decoded tables of the current case and the one being shown. */
import type { HmTables } from '../../lib/model/hmTables.ts';
import { loadConfiguration } from '../queries/configurationQueries.ts';
import type { ConfigTable } from '../queries/configTable.ts';
import type { TriageClient } from '../triageClient.ts';

export class ConfigurationData {
  tables = $state.raw<ConfigTable[]>([]);
  problems = $state.raw<string[]>([]);
  /** The id of the table shown; the first table when none was chosen or the choice is gone. */
  selectedId = $state('');

  readonly selected = $derived(this.tables.find((t) => t.id === this.selectedId) ?? this.tables[0] ?? null);
  /** True when no hm_* table behind any of the views exists: the evidence has no database. */
  readonly noDatabase = $derived(this.tables.length > 0 && this.tables.every((t) => !t.available));

  private ticket = 0;

  constructor(private readonly client: TriageClient) {}

  async load(hm: HmTables): Promise<void> {
    const ticket = ++this.ticket;
    const config = await loadConfiguration(this.client, hm);
    if (ticket !== this.ticket) return;
    this.tables = config.tables;
    this.problems = config.problems;
  }

  clear(): void {
    this.ticket++;
    this.tables = [];
    this.problems = [];
  }

  select(id: string): void {
    this.selectedId = id;
  }

  /** Rows needing attention in a table, for the section buttons. */
  static attentionCount(table: ConfigTable): number {
    return table.rows.filter((r) => r.attention !== '').length;
  }
}
