/**
 * The few /proc readings the bench makes (Linux only). Every reader returns null when the process or
 * thread ended while it was being read: processes come and go during a run and that is not an error.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** utime and stime are counted in clock ticks; 100 on every Linux the project runs on, asked anyway. */
export const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function readOrNull(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function numericEntries(dir) {
  try {
    return readdirSync(dir).filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return [];
  }
}

/** Every process id currently in /proc. */
export function listPids() {
  return numericEntries('/proc');
}

/**
 * One /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat: the name may hold spaces and parentheses, so
 * fields are counted from the last ')'. For a process, utime+stime include its ended threads.
 * @returns {{ name: string, state: string, ppid: number, cpuTicks: number, startTicks: number } | null}
 *   state: R, S, D, Z (zombie: ended, not yet reaped), …
 */
export function readStat(path) {
  const text = readOrNull(path);
  if (text === null) return null;
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    name: text.slice(text.indexOf('(') + 1, close),
    state: fields[0],
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
    startTicks: Number(fields[19]),
  };
}

/** @returns {string | null} the command line with NULs turned into spaces */
export function readCmdline(pid) {
  const text = readOrNull(`/proc/${pid}/cmdline`);
  return text === null ? null : text.replaceAll('\0', ' ').trim();
}

/** Proportional set size: shared pages split between the processes that map them, so a sum over processes counts each page once. */
export function readPssBytes(pid) {
  const text = readOrNull(`/proc/${pid}/smaps_rollup`);
  const match = text?.match(/^Pss:\s+(\d+) kB/m);
  return match ? Number(match[1]) * 1024 : null;
}

/** @returns {{ tid: number, name: string, cpuTicks: number, startTicks: number }[]} the live threads of a process */
export function readThreads(pid) {
  const threads = [];
  for (const tid of numericEntries(`/proc/${pid}/task`)) {
    const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
    if (stat) threads.push({ tid, name: stat.name, cpuTicks: stat.cpuTicks, startTicks: stat.startTicks });
  }
  return threads;
}
