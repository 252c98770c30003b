/** Throughput and ETA of a running analysis from recent progress samples (a sliding window, not the average since start). */

export interface ProgressSample {
  /** Milliseconds, any monotonic clock. */
  at: number;
  bytesDone: number;
}

/** Long enough to smooth bursts of small files, short enough to follow a change of pace. */
export const RATE_WINDOW_MS = 5_000;

export interface Rate {
  bytesPerSecond: number;
  /** Null while there is no measurable pace (too few samples or no bytes moving). */
  etaSeconds: number | null;
}

/** Drops samples older than the window, keeping one just before it as the baseline. */
export function trimSamples(samples: ProgressSample[], now: number): ProgressSample[] {
  const from = samples.findIndex((s) => s.at >= now - RATE_WINDOW_MS);
  if (from <= 0) return samples;
  return samples.slice(from - 1);
}

export function progressRate(samples: ProgressSample[], bytesTotal: number): Rate {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at <= first.at) return { bytesPerSecond: 0, etaSeconds: null };
  const bytesPerSecond = Math.max(0, ((last.bytesDone - first.bytesDone) * 1000) / (last.at - first.at));
  if (bytesPerSecond === 0) return { bytesPerSecond, etaSeconds: null };
  return { bytesPerSecond, etaSeconds: Math.max(0, (bytesTotal - last.bytesDone) / bytesPerSecond) };
}
