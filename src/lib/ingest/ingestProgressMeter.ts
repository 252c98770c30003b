/**
 * The progress counters of one intake and their throttled report. Rows are counted as archive directories
 * are read; bytes as the dropped files are hashed and their entries read.
 */
import type { IngestInput, IngestProgress } from './ingestEvidence.ts';
import { PROGRESS_INTERVAL_MS } from './limits.ts';

/**
 * A dropped zip is consumed twice: once front to back for its evidence hash, once entry by entry. Each
 * pass counts for this share of its size in `bytesDone`, so progress ends exactly at `bytesTotal`.
 */
export const ZIP_PASS_SHARE = 0.5;

export class IngestProgressMeter implements IngestProgress {
  filesDone = 0;
  filesTotal: number;
  bytesDone = 0;
  bytesTotal: number;
  step = 'Starting';
  private lastReport = Number.NEGATIVE_INFINITY;
  /** Set once ingestEvidence has returned with zip hashes still running (hashZipsLater): nobody shows them. */
  private stopped = false;

  constructor(
    inputs: IngestInput[],
    private readonly onProgress: ((p: IngestProgress) => void) | undefined,
  ) {
    this.filesTotal = inputs.length;
    this.bytesTotal = inputs.reduce((n, i) => n + i.file.size, 0);
  }

  /** Reports `step` unless the last report is less than PROGRESS_INTERVAL_MS old (`force` reports anyway). */
  report(step: string, force = false): void {
    if (this.stopped) return;
    this.step = step;
    const now = Date.now();
    if (!force && now - this.lastReport < PROGRESS_INTERVAL_MS) return;
    this.lastReport = now;
    const { filesDone, filesTotal, bytesDone, bytesTotal } = this;
    // A dropped zip's own hash may still be counting after the loop has moved on.
    this.onProgress?.({ filesDone, filesTotal, bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal, step });
  }

  stop(): void {
    this.stopped = true;
  }
}
