/**
 * CPU spent between two sampler checkpoints, grouped by process type and thread name
 * ("renderer/DedicatedWorker", "renderer/CrRendererMain", "browser/ThreadPoolForeg", …; Linux cuts
 * thread names at 15 characters). Each group tells how many threads it had and the busiest one's share,
 * so an unevenly fed worker pool shows.
 */
import { CLOCK_TICKS_PER_SECOND } from './procfs.mjs';

/**
 * @typedef {import('./processSampler.mjs').CpuCheckpoint} CpuCheckpoint
 * @typedef {{ group: string, threads: number, seconds: number, busiestThreadSeconds: number }} ThreadGroup
 */

/**
 * @param {CpuCheckpoint} before
 * @param {CpuCheckpoint} after
 * @returns {{ seconds: number, groups: ThreadGroup[], unattributedSeconds: number }}
 *   unattributedSeconds: CPU of threads that started and ended between two samples, or ran on after
 *   their last sample; known only from their process's total
 */
export function cpuBetween(before, after) {
  const toSeconds = (ticks) => ticks / CLOCK_TICKS_PER_SECOND;
  const groups = new Map();
  const attributedByProcess = new Map();
  for (const [key, thread] of after.threads) {
    const ticks = thread.cpuTicks - (before.threads.get(key)?.cpuTicks ?? 0);
    if (ticks <= 0) continue;
    attributedByProcess.set(thread.process, (attributedByProcess.get(thread.process) ?? 0) + ticks);
    const name = `${thread.type}/${thread.name}`;
    const group = groups.get(name) ?? { group: name, threads: 0, seconds: 0, busiestThreadSeconds: 0 };
    group.threads++;
    group.seconds += toSeconds(ticks);
    group.busiestThreadSeconds = Math.max(group.busiestThreadSeconds, toSeconds(ticks));
    groups.set(name, group);
  }
  let total = 0;
  let unattributed = 0;
  for (const [key, proc] of after.processes) {
    const ticks = proc.cpuTicks - (before.processes.get(key)?.cpuTicks ?? 0);
    total += ticks;
    unattributed += Math.max(0, ticks - (attributedByProcess.get(key) ?? 0));
  }
  return {
    seconds: toSeconds(total),
    groups: [...groups.values()].sort((a, b) => b.seconds - a.seconds),
    unattributedSeconds: toSeconds(unattributed),
  };
}
