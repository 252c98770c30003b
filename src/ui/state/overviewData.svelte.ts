/** The Overview's data for the current case, loaded once per analysis (stale loads are dropped). */
import type { TriageClient } from '../triageClient.ts';
import { loadOverview, type OverviewModel } from '../queries/overviewQueries.ts';

export class OverviewData {
  model = $state.raw<OverviewModel | null>(null);
  private ticket = 0;

  async load(client: TriageClient): Promise<void> {
    const ticket = ++this.ticket;
    const model = await loadOverview(client);
    if (ticket === this.ticket) this.model = model;
  }

  clear(): void {
    this.ticket++;
    this.model = null;
  }
}
