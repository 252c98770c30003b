/**
 * Which processes belong to the browser the bench launched: those whose command line names the
 * bench's own, freshly made --user-data-dir (no other browser can share it), and all their descendants
 * (zygotes and utility processes do not all repeat the flag). Asked four times a second on a machine with
 * a few hundred processes, so what is known about a pid is kept: only new pids are read.
 */
import { listPids, readCmdline, readStat } from './procfs.mjs';

/** "renderer", "gpu-process", "zygote", "utility:NetworkService", … or "browser" for the main process. */
function processType(cmdline) {
  const type = cmdline.match(/--type=(\S+)/)?.[1];
  if (!type) return 'browser';
  const subType = cmdline.match(/--utility-sub-type=(\S+)/)?.[1];
  return subType ? `${type}:${subType.split('.').pop()}` : type;
}

/**
 * @param {string} userDataDir
 * @returns {() => { pid: number, startTicks: number, type: string }[]} the browser's live processes, each call
 */
export function browserProcessFinder(userDataDir) {
  const flag = `--user-data-dir=${userDataDir} `;
  /** pid → what it was when first read, dropped once the pid is gone (a pid ended and reused within one call's interval is missed) */
  const known = new Map();
  return function findBrowserProcesses() {
    const live = new Set(listPids());
    for (const pid of known.keys()) if (!live.has(pid)) known.delete(pid);
    for (const pid of live) {
      if (known.has(pid)) continue;
      const stat = readStat(`/proc/${pid}/stat`);
      const cmdline = readCmdline(pid);
      if (!stat || cmdline === null) continue;
      known.set(pid, { pid, ppid: stat.ppid, startTicks: stat.startTicks, cmdline });
    }
    const children = new Map();
    for (const proc of known.values()) {
      if (!children.has(proc.ppid)) children.set(proc.ppid, []);
      children.get(proc.ppid).push(proc);
    }
    const found = new Map();
    const stack = [...known.values()].filter((proc) => `${proc.cmdline} `.includes(flag));
    while (stack.length) {
      const proc = stack.pop();
      if (found.has(proc.pid)) continue;
      found.set(proc.pid, { pid: proc.pid, startTicks: proc.startTicks, type: processType(proc.cmdline) });
      stack.push(...(children.get(proc.pid) ?? []));
    }
    return [...found.values()];
  };
}

/**
 * Chromium processes on the machine that are not this browser's. PSS splits a shared page between every
 * process that maps it, so other browsers running (other test runs) lower this browser's PSS a little:
 * the report says how many there were.
 * @param {Set<number>} ours
 */
export function countOtherChromiumProcesses(ours) {
  return listPids().filter((pid) => !ours.has(pid) && /^(chromium|chrome|headless_shell)$/.test(readStat(`/proc/${pid}/stat`)?.name ?? '')).length;
}
