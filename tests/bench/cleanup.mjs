import { readStat } from './procfs.mjs';

/**
 * What must be undone if the bench is interrupted (Ctrl-C, a CI timeout): kill the processes it started
 * and remove its temporary browser profile. Clean-ups are synchronous so they can run from a signal handler.
 */
const pending = new Set();

/** @param {() => void} undo @returns {() => void} call when the thing was cleaned up normally */
export function onInterrupt(undo) {
  pending.add(undo);
  return () => pending.delete(undo);
}

export function cleanUpOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      for (const undo of pending) {
        try {
          undo();
        } catch (error) {
          console.error(`clean-up failed: ${error.message}`);
        }
      }
      process.exit(130);
    });
  }
}

/** Still running and still the process that was started (same start time); a zombie has already ended. */
export function isAlive(pid, startTicks) {
  const stat = readStat(`/proc/${pid}/stat`);
  return stat !== null && stat.startTicks === startTicks && stat.state !== 'Z';
}

/** Sends SIGKILL to a process if it is still running as the one that was started, never to a reused pid. */
export function killIfStillOurs(pid, startTicks) {
  if (!isAlive(pid, startTicks)) return false;
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}
