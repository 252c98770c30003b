/**
 * DNS records the examiner pastes (DKIM keys, SPF, MX) to verify signatures offline: the current evidence
 * is analysed again with the text added as pasted-records.zone, replacing an earlier paste.
 */
import type { EvidenceInput } from '../triageClient.ts';
import type { AnalysisRun } from './analysisRun.svelte.ts';
import { PASTED_RECORDS_PATH, countRecords, pastedZone } from './pastedZone.ts';

export class PastedRecords {
  text = $state('');
  /** The panel is unfolded; kept here so it stays open across the re-analysis it starts. */
  open = $state(false);

  readonly records = $derived(countRecords(this.text));

  constructor(private readonly run: AnalysisRun) {}

  /** The records of the analysis on screen came (partly) from a paste. */
  get inAnalysis(): boolean {
    return this.run.lastInputs.some((i) => i.path === PASTED_RECORDS_PATH);
  }

  get canApply(): boolean {
    return this.records > 0 && this.run.status !== 'running' && this.evidence().length > 0;
  }

  /** The evidence inputs plus the pasted zone; an earlier paste is left out. */
  inputs(): EvidenceInput[] {
    const file = new File([pastedZone(this.text)], PASTED_RECORDS_PATH, { type: 'text/plain' });
    return [...this.evidence(), { file, path: PASTED_RECORDS_PATH }];
  }

  apply(): Promise<void> {
    if (!this.canApply) return Promise.resolve();
    return this.run.restart(this.inputs());
  }

  private evidence(): EvidenceInput[] {
    return this.run.lastInputs.filter((i) => i.path !== PASTED_RECORDS_PATH);
  }
}
