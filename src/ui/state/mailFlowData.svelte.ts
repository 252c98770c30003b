/** The Overview's mail-flow panel: top senders, top recipient domains and per-account volume per day. */
import { loadAccountVolume, type AccountVolume } from '../queries/accountVolume.ts';
import { loadTopRecipientDomains, loadTopSenders, type RecipientDomainRow, type SenderRow } from '../queries/mailFlowQueries.ts';
import type { TriageClient } from '../triageClient.ts';

const NO_VOLUME: AccountVolume = { rows: [], days: [], truncated: false };

export class MailFlowData {
  senders = $state.raw<SenderRow[]>([]);
  domains = $state.raw<RecipientDomainRow[]>([]);
  volume = $state.raw<AccountVolume>(NO_VOLUME);
  /** Hides the mailbox-content rows, leaving what the accounts sent. */
  sentOnly = $state(false);

  readonly volumeRows = $derived(this.sentOnly ? this.volume.rows.filter((r) => r.source.startsWith('sent')) : this.volume.rows);

  private ticket = 0;

  constructor(private readonly client: TriageClient) {}

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const [senders, domains, volume] = await Promise.all([
      loadTopSenders(this.client),
      loadTopRecipientDomains(this.client),
      loadAccountVolume(this.client),
    ]);
    if (ticket !== this.ticket) return;
    this.senders = senders;
    this.domains = domains;
    this.volume = volume;
  }

  clear(): void {
    this.ticket++;
    this.senders = [];
    this.domains = [];
    this.volume = NO_VOLUME;
  }
}
