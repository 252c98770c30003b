/** The Accounts tab: accounts of the current case, a text filter, and the opened account's folders. */
import { loadAccounts, loadFolders, type AccountRow, type FolderRow } from '../queries/accountsQueries.ts';
import { HmTables } from '../../lib/model/hmTables.ts';
import { reportError } from '../reportError.svelte.ts';
import type { TriageClient } from '../triageClient.ts';
import { withTag } from './withTag.ts';

export class AccountsData {
  rows = $state.raw<AccountRow[]>([]);
  search = $state('');
  /** Keys of the rows carrying the tag chosen in the view's tag filter; null for no tag filter. */
  tagged = $state.raw<ReadonlySet<string> | null>(null);
  onlyFlagged = $state(false);
  /** The opened account's folders; empty while none is open. */
  folders = $state.raw<FolderRow[]>([]);
  foldersOf = $state<string | null>(null);

  readonly filtered = $derived(withTag(this.filter(this.rows, this.search, this.onlyFlagged), this.tagged, (r) => r.address));

  private hm = HmTables.empty();
  private ticket = 0;
  private folderTicket = 0;

  constructor(private readonly client: TriageClient) {}

  async load(hm: HmTables): Promise<void> {
    const ticket = ++this.ticket;
    const rows = await loadAccounts(this.client, hm);
    if (ticket !== this.ticket) return;
    this.hm = hm;
    this.rows = rows;
  }

  clear(): void {
    this.ticket++;
    this.folderTicket++;
    this.rows = [];
    this.folders = [];
    this.foldersOf = null;
  }

  /** Loads the folders of an account (by address, as CaseView.selectedAccount holds it). */
  async openFolders(address: string): Promise<void> {
    const account = this.rows.find((r) => r.address.toLowerCase() === address.toLowerCase());
    const ticket = ++this.folderTicket;
    this.foldersOf = account?.address ?? address;
    this.folders = [];
    if (!account) return;
    try {
      const folders = await loadFolders(this.client, this.hm, account);
      if (ticket === this.folderTicket) this.folders = folders;
    } catch (err) {
      reportError(err, `Could not read the folders of ${address}`);
    }
  }

  private filter(rows: AccountRow[], search: string, onlyFlagged: boolean): AccountRow[] {
    const needle = search.trim().toLowerCase();
    return rows.filter(
      (r) => (!needle || r.address.toLowerCase().includes(needle)) && (!onlyFlagged || r.weak || r.forwarding !== ''),
    );
  }
}
