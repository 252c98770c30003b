/**
 * Samples a changing set of processes every ~500 ms while something runs: the sum of their PSS (memory)
 * and the CPU time of each of their threads. The last reading of a thread or process that ends is kept,
 * so CPU between two checkpoints counts work done by threads that are gone by the second one.
 */
import { readPssBytes, readStat, readThreads } from './procfs.mjs';

/** Reading smaps_rollup walks the browser's whole memory: every 250 ms took a quarter of a core at 100,000 messages. */
export const SAMPLE_EVERY_MS = 500;

/**
 * @typedef {{ pid: number, startTicks: number, type: string }} SampledProcess
 * @typedef {{ t: number, pssBytes: number, pssByType: Record<string, number>, cpuTicks: number, processes: number }} Sample
 *   t is epoch ms; cpuTicks is the cumulative CPU of every process seen so far
 * @typedef {{ t: number, processes: Map<string, { type: string, cpuTicks: number }>,
 *   threads: Map<string, { process: string, type: string, name: string, cpuTicks: number }> }} CpuCheckpoint
 */

/**
 * @param {() => SampledProcess[]} listProcesses asked afresh at every sample
 */
export function startProcessSampler(listProcesses) {
  /** @type {Sample[]} */
  const samples = [];
  /** Latest reading per process and per thread, keyed with start times so a reused id is a new entry. */
  const processes = new Map();
  const threads = new Map();
  /** Every process ever sampled, for the caller's clean-up. */
  const seen = new Map();

  function sample() {
    let pssBytes = 0;
    const pssByType = {};
    let live = 0;
    for (const proc of listProcesses()) {
      const stat = readStat(`/proc/${proc.pid}/stat`);
      if (!stat || stat.startTicks !== proc.startTicks) continue;
      const key = `${proc.pid}@${proc.startTicks}`;
      seen.set(key, proc);
      live++;
      processes.set(key, { type: proc.type, cpuTicks: stat.cpuTicks });
      for (const thread of readThreads(proc.pid)) {
        threads.set(`${key}/${thread.tid}@${thread.startTicks}`, {
          process: key,
          type: proc.type,
          // A process's main thread carries the executable's name ("chromium"), not a role.
          name: thread.tid === proc.pid ? 'main' : thread.name,
          cpuTicks: thread.cpuTicks,
        });
      }
      const pss = readPssBytes(proc.pid);
      if (pss === null) continue;
      pssBytes += pss;
      pssByType[proc.type] = (pssByType[proc.type] ?? 0) + pss;
    }
    let cpuTicks = 0;
    for (const { cpuTicks: ticks } of processes.values()) cpuTicks += ticks;
    const entry = { t: Date.now(), pssBytes, pssByType, cpuTicks, processes: live };
    samples.push(entry);
    return entry;
  }

  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_MS);

  return {
    samples,
    /** @returns {CpuCheckpoint} a fresh sample's CPU state, frozen */
    checkpoint() {
      const { t } = sample();
      return {
        t,
        processes: new Map([...processes].map(([k, v]) => [k, { ...v }])),
        threads: new Map([...threads].map(([k, v]) => [k, { ...v }])),
      };
    },
    /** @returns {SampledProcess[]} every process sampled at least once */
    seenProcesses() {
      return [...seen.values()];
    },
    stop() {
      clearInterval(timer);
    },
  };
}
