/** The report builder: which sections, bookmarked items only or all, the minimum severity and the examiner's text, saved in the case. */
import { DEFAULT_REPORT_OPTIONS, type ReportOptions, type ReportSectionId } from '../../lib/model/reportOptions.ts';
import { reportError } from '../reportError.svelte.ts';
import type { TriageClient } from '../triageClient.ts';

const copy = (o: ReportOptions): ReportOptions => ({ ...o, sections: [...o.sections] });

export class ReportBuilder {
  options = $state<ReportOptions>(copy(DEFAULT_REPORT_OPTIONS));
  saved = $state.raw<ReportOptions>(copy(DEFAULT_REPORT_OPTIONS));
  readonly dirty = $derived(JSON.stringify(this.options) !== JSON.stringify(this.saved));
  private ticket = 0;

  constructor(private readonly client: TriageClient) {}

  async load(): Promise<void> {
    const ticket = ++this.ticket;
    const stored = await this.client.reportOptions();
    if (ticket !== this.ticket) return;
    this.options = copy(stored);
    this.saved = copy(stored);
  }

  clear(): void {
    this.ticket++;
    this.options = copy(DEFAULT_REPORT_OPTIONS);
    this.saved = copy(DEFAULT_REPORT_OPTIONS);
  }

  /** Ticks or unticks a section, keeping the report's own order. */
  toggle(section: ReportSectionId, on: boolean): void {
    const rest = this.options.sections.filter((s) => s !== section);
    this.options.sections = on ? DEFAULT_REPORT_OPTIONS.sections.filter((s) => s === section || rest.includes(s)) : rest;
  }

  async save(): Promise<void> {
    const options = copy(this.options);
    try {
      await this.client.setReportOptions(options);
      this.saved = options;
    } catch (err) {
      reportError(err, 'Could not save the report choices');
    }
  }
}
