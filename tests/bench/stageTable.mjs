/**
 * Turns the status element's recorded changes into a stage table: for each `data-stage` the app went
 * through, when it first started, how long it lasted in total (a stage may come back), and how many
 * cores the browser kept busy meanwhile (from the sampler's cumulative CPU, interpolated).
 */
import { CLOCK_TICKS_PER_SECOND } from './procfs.mjs';
import { SAMPLE_EVERY_MS } from './processSampler.mjs';

/** Before the first progress report the status has no stage: file selection, opening the zip. */
const NO_STAGE = '(starting)';

/**
 * @typedef {{ t: number, state: string, stage: string }} StatusChange   t in epoch ms
 * @typedef {{ stage: string, firstAtSeconds: number, seconds: number, segments: number, coresBusy: number | null }} StageRow
 */

/** Cumulative CPU seconds of the sampled processes at time t, linearly between the two nearest samples. */
function cpuSecondsAt(samples, t) {
  let i = samples.findIndex((s) => s.t >= t);
  if (i < 0) i = samples.length - 1;
  if (i === 0) return samples[0].cpuTicks / CLOCK_TICKS_PER_SECOND;
  const a = samples[i - 1];
  const b = samples[i];
  const share = b.t === a.t ? 1 : Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t)));
  return (a.cpuTicks + share * (b.cpuTicks - a.cpuTicks)) / CLOCK_TICKS_PER_SECOND;
}

/**
 * @param {StatusChange[]} changes in time order
 * @param {number} t0 when the evidence was handed to the page
 * @param {number} tEnd when the run reached a final state
 * @param {import('./processSampler.mjs').Sample[]} samples
 * @returns {StageRow[]} in order of first appearance
 */
export function stageTable(changes, t0, tEnd, samples) {
  const boundaries = [{ t: t0, stage: NO_STAGE }];
  for (const change of changes) {
    if (change.t < t0 || change.t > tEnd || change.state !== 'running') continue;
    const stage = change.stage || NO_STAGE;
    if (stage !== boundaries.at(-1).stage) boundaries.push({ t: change.t, stage });
  }
  const rows = new Map();
  boundaries.forEach(({ t, stage }, i) => {
    const end = boundaries[i + 1]?.t ?? tEnd;
    const row = rows.get(stage) ?? { stage, firstAtSeconds: (t - t0) / 1000, seconds: 0, segments: 0, cpuSeconds: 0 };
    row.seconds += (end - t) / 1000;
    row.segments++;
    row.cpuSeconds += cpuSecondsAt(samples, end) - cpuSecondsAt(samples, t);
    rows.set(stage, row);
  });
  return [...rows.values()].map(({ cpuSeconds, ...row }) => ({
    ...row,
    // Fewer than two samples inside a stage would make its CPU share a guess.
    coresBusy: row.seconds * 1000 >= 2 * SAMPLE_EVERY_MS ? cpuSeconds / row.seconds : null,
  }));
}
