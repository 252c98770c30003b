/** Case details the examiner types (they go into the report) and the exports of the current case. */
import { EMPTY_DETAILS, loadCaseDetails } from '../queries/casePanelQueries.ts';
import { reportError } from '../reportError.svelte.ts';
import { saveFile } from '../saveFile.ts';
import type { CaseDetails, TriageClient } from '../triageClient.ts';

export type ExportKind = 'findings' | 'report' | 'caseDb' | 'timesketch' | 'timelineCsv';

export type SaveFile = (name: string, data: string | Uint8Array, type: string) => void;

interface ExportSpec {
  label: string;
  file: string;
  type: string;
  produce: (client: TriageClient) => Promise<string | Uint8Array>;
}

export const EXPORTS: Record<ExportKind, ExportSpec> = {
  findings: { label: 'Export findings (JSON)', file: 'findings.json', type: 'application/json', produce: (c) => c.findingsJson() },
  report: { label: 'HTML report', file: 'report.html', type: 'text/html', produce: (c) => c.htmlReport() },
  caseDb: { label: 'Case database (SQLite)', file: 'hmail-triage-case.sqlite', type: 'application/vnd.sqlite3', produce: (c) => c.exportCaseDb() },
  timesketch: { label: 'Timesketch (JSONL)', file: 'timesketch.jsonl', type: 'application/x-ndjson', produce: (c) => c.timesketchJsonl() },
  timelineCsv: { label: 'Timeline (CSV)', file: 'timeline.csv', type: 'text/csv', produce: (c) => c.timelineCsv() },
};

export class CasePanel {
  details = $state<CaseDetails>({ ...EMPTY_DETAILS });
  /** The details as last saved, to show whether there are unsaved edits. */
  saved = $state.raw<CaseDetails>({ ...EMPTY_DETAILS });
  busy = $state<ExportKind | null>(null);

  readonly dirty = $derived(
    this.details.examiner !== this.saved.examiner || this.details.caseNumber !== this.saved.caseNumber || this.details.notes !== this.saved.notes,
  );

  private ticket = 0;

  constructor(
    private readonly client: TriageClient,
    private readonly save: SaveFile = saveFile,
  ) {}

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const details = await loadCaseDetails(this.client);
    if (ticket !== this.ticket) return;
    this.details = { ...details };
    this.saved = details;
  }

  clear(): void {
    this.ticket++;
    this.details = { ...EMPTY_DETAILS };
    this.saved = { ...EMPTY_DETAILS };
  }

  async saveDetails(): Promise<void> {
    const details = { ...this.details };
    try {
      await this.client.setCaseDetails(details);
      this.saved = details;
    } catch (err) {
      reportError(err, 'Could not save the case details');
    }
  }

  async export(kind: ExportKind): Promise<void> {
    const spec = EXPORTS[kind];
    this.busy = kind;
    try {
      if (kind === 'report' && this.dirty) await this.saveDetails();
      this.save(spec.file, await spec.produce(this.client), spec.type);
    } catch (err) {
      reportError(err, `Could not export ${spec.file}`);
    } finally {
      this.busy = null;
    }
  }
}
