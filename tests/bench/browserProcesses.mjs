/**
 * Which processes belong to the browser the bench launched: those whose command line names the
 * bench's own, freshly made --user-data-dir (no other browser can share it), and all their descendants
 * (zygotes, renderers, GPU and utility processes do not repeat the flag).
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
 * @returns {{ pid: number, startTicks: number, type: string }[]}
 */
export function findBrowserProcesses(userDataDir) {
  const flag = `--user-data-dir=${userDataDir}`;
  const children = new Map();
  const info = new Map();
  for (const pid of listPids()) {
    const stat = readStat(`/proc/${pid}/stat`);
    const cmdline = readCmdline(pid);
    if (!stat || cmdline === null) continue;
    info.set(pid, { stat, cmdline });
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(pid);
  }
  const found = new Map();
  const stack = [...info.keys()].filter((pid) => `${info.get(pid).cmdline} `.includes(`${flag} `));
  while (stack.length) {
    const pid = stack.pop();
    if (found.has(pid)) continue;
    const { stat, cmdline } = info.get(pid);
    found.set(pid, { pid, startTicks: stat.startTicks, type: processType(cmdline) });
    stack.push(...(children.get(pid) ?? []));
  }
  return [...found.values()];
}
