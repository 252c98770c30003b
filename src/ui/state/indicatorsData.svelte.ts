/** The Indicators tab's findings, filters, revealed secrets and examiner notes for the current case. */
import { SEVERITY_RANK, type Severity } from '../../lib/model/finding.ts';
import { loadFindings, revealSecret, type FindingRow } from '../queries/indicatorsQueries.ts';
import { reportError } from '../reportError.svelte.ts';
import type { TriageClient } from '../triageClient.ts';
import { groupFindings } from './groupFindings.ts';
import { withTag } from './withTag.ts';

export class IndicatorsData {
  rows = $state.raw<FindingRow[]>([]);
  minSeverity = $state<Severity>('info');
  search = $state('');
  /** Keys of the rows carrying the tag chosen in the view's tag filter; null for no tag filter. */
  tagged = $state.raw<ReadonlySet<string> | null>(null);
  /** Secrets the examiner chose to see, by finding id; null when none was recorded. */
  revealed = $state.raw<Record<number, string | null>>({});
  /** Moves when another case's findings (or none) replace the rows, not when a note is saved: a selection ends with it. */
  generation = $state(0);

  readonly filtered = $derived(withTag(this.filter(this.rows, this.minSeverity, this.search), this.tagged, (r) => String(r.id)));
  readonly groups = $derived(groupFindings(this.filtered));
  /** The findings in the order the tab lists them (category, type, finding): what a Shift+click range spans. */
  readonly ordered = $derived(this.groups.flatMap((c) => c.types.flatMap((t) => t.findings)));
  readonly #positions = $derived(new Map(this.ordered.map((f, i) => [f.id, i])));

  private ticket = 0;

  constructor(private readonly client: TriageClient) {}

  /** A listed finding's place in `ordered`; -1 for one the filters leave out. */
  positionOf(findingId: number): number {
    return this.#positions.get(findingId) ?? -1;
  }

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const rows = await loadFindings(this.client);
    if (ticket !== this.ticket) return;
    this.rows = rows;
    this.revealed = {};
    this.generation++;
  }

  clear(): void {
    this.ticket++;
    this.rows = [];
    this.revealed = {};
    this.generation++;
  }

  async reveal(findingId: number): Promise<void> {
    try {
      const secret = await revealSecret(this.client, findingId);
      this.revealed = { ...this.revealed, [findingId]: secret };
    } catch (err) {
      reportError(err, 'Could not reveal the secret');
    }
  }

  hide(findingId: number): void {
    const next = { ...this.revealed };
    delete next[findingId];
    this.revealed = next;
  }

  async saveNote(findingId: number, note: string): Promise<void> {
    try {
      await this.client.setFindingNote(findingId, note);
      this.rows = this.rows.map((r) => (r.id === findingId ? { ...r, note } : r));
    } catch (err) {
      reportError(err, 'Could not save the note');
    }
  }

  private filter(rows: FindingRow[], minSeverity: Severity, search: string): FindingRow[] {
    const needle = search.trim().toLowerCase();
    const floor = SEVERITY_RANK[minSeverity];
    if (floor === 0 && !needle) return rows;
    return rows.filter(
      (r) =>
        SEVERITY_RANK[r.severity] >= floor &&
        (!needle || `${r.type} ${r.summary} ${Object.values(r.ref).join(' ')}`.toLowerCase().includes(needle)),
    );
  }
}
