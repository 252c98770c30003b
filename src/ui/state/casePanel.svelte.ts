/** Case details the examiner types (they go into the report) and the exports of the current case. */
import { EMPTY_DETAILS, loadCaseDetails } from '../queries/casePanelQueries.ts';
import type { MessageFilter } from '../../lib/store/queries/messageQueries.ts';
import { EMPTY_MESSAGE_FILTER } from '../queries/messages.ts';
import { messagesToExport, type MessagesToExport } from '../queries/messagesToExport.ts';
import { reportError } from '../reportError.svelte.ts';
import { saveFile } from '../saveFile.ts';
import type { CaseDetails } from '../../lib/store/caseDbService.ts';
import type { TriageClient } from '../triageClient.ts';
import { ReportBuilder } from './reportBuilder.svelte.ts';

export type ExportKind = 'findings' | 'report' | 'caseDb' | 'timesketch' | 'timesketchCsv' | 'timelineCsv';

export type SaveFile = (name: string, data: string | Uint8Array, type: string) => void;

interface ExportSpec {
  label: string;
  file: string;
  type: string;
  produce: (client: TriageClient, panel: CasePanel) => Promise<string | Uint8Array>;
}

export const EXPORTS: Record<ExportKind, ExportSpec> = {
  findings: { label: 'Export findings (JSON)', file: 'findings.json', type: 'application/json', produce: (c) => c.findingsJson() },
  report: { label: 'HTML report', file: 'report.html', type: 'text/html', produce: (c) => c.htmlReport() },
  caseDb: { label: 'Case database (SQLite)', file: 'hmail-triage-case.sqlite', type: 'application/vnd.sqlite3', produce: (c, p) => c.exportCaseDb(p.includeSecrets) },
  timesketch: { label: 'Timesketch (JSONL)', file: 'timesketch.jsonl', type: 'application/x-ndjson', produce: (c) => c.timesketchJsonl() },
  timesketchCsv: { label: 'Timesketch (CSV)', file: 'timesketch.csv', type: 'text/csv', produce: (c) => c.timesketchCsv() },
  timelineCsv: { label: 'Timeline (CSV)', file: 'timeline.csv', type: 'text/csv', produce: (c) => c.timelineCsv() },
};

export const MESSAGES_ZIP = 'hmail-triage-messages.zip';

/**
 * Messages in one zip at most: the worker reads and parses each with its attachments and holds them all
 * in memory until the zip is written, so an unfiltered export of a whole server would exhaust the tab.
 */
export const MAX_ZIP_MESSAGES = 2_000;

function describeSelection(s: MessagesToExport): string {
  const messages = `message${s.count === 1 ? '' : 's'}`;
  const n = s.count.toLocaleString('en');
  const which = s.source === 'bookmarked' ? `${n} bookmarked ${messages}` : `${n} ${messages} listed in the Messages tab (none bookmarked)`;
  if (s.withoutFile === 0) return which;
  const rows = `${s.withoutFile.toLocaleString('en')} database row${s.withoutFile === 1 ? '' : 's'}`;
  return `${which}; ${rows} without a file left out (no bytes to export)`;
}

export class CasePanel {
  details = $state<CaseDetails>({ ...EMPTY_DETAILS });
  /** The details as last saved, to show whether there are unsaved edits. */
  saved = $state.raw<CaseDetails>({ ...EMPTY_DETAILS });
  busy = $state<ExportKind | 'messagesZip' | null>(null);
  /** Whether the exported case file keeps recovered secrets (cleartext passwords, logged credentials): off unless ticked. */
  includeSecrets = $state(false);
  /** Which messages the last messages zip took (or why it took none), for the examiner. */
  messagesZipNote = $state<string | null>(null);

  readonly dirty = $derived(
    this.details.examiner !== this.saved.examiner || this.details.caseNumber !== this.saved.caseNumber || this.details.notes !== this.saved.notes,
  );

  private ticket = 0;
  readonly report: ReportBuilder;

  constructor(
    private readonly client: TriageClient,
    private readonly save: SaveFile = saveFile,
    /** The Messages tab's current filter: the zip takes those messages when none is bookmarked. */
    private readonly listedMessages: () => MessageFilter = () => EMPTY_MESSAGE_FILTER,
  ) {
    this.report = new ReportBuilder(client);
  }

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const [details] = await Promise.all([loadCaseDetails(this.client), this.report.load()]);
    if (ticket !== this.ticket) return;
    this.details = { ...details };
    this.saved = details;
  }

  clear(): void {
    this.ticket++;
    this.messagesZipNote = null;
    this.report.clear();
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
      if (kind === 'report' && this.report.dirty) await this.report.save();
      this.save(spec.file, await spec.produce(this.client, this), spec.type);
    } catch (err) {
      reportError(err, `Could not export ${spec.file}`);
    } finally {
      this.busy = null;
    }
  }

  /** The bookmarked messages, or when none is bookmarked the listed ones, as a zip with a manifest of hashes. */
  async exportMessagesZip(): Promise<void> {
    this.busy = 'messagesZip';
    try {
      const selection = await messagesToExport(this.client, this.listedMessages(), MAX_ZIP_MESSAGES);
      const which = describeSelection(selection);
      if (selection.count === 0) {
        this.messagesZipNote = selection.withoutFile > 0
          ? `No messages to export: ${which}.`
          : 'No messages to export: bookmark some, or list some in the Messages tab.';
      } else if (selection.paths === null) {
        this.messagesZipNote = `Not exported: ${which}, more than the ${MAX_ZIP_MESSAGES.toLocaleString('en')} one zip holds; bookmark fewer or narrow the filter.`;
      } else {
        this.messagesZipNote = `Exporting ${which}…`;
        this.save(MESSAGES_ZIP, await this.client.exportMessagesZip(selection.paths), 'application/zip');
        this.messagesZipNote = `${MESSAGES_ZIP}: ${which}.`;
      }
    } catch (err) {
      this.messagesZipNote = null;
      reportError(err, `Could not export ${MESSAGES_ZIP}`);
    } finally {
      this.busy = null;
    }
  }
}
