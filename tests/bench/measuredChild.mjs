/**
 * Runs one of the reference programs (the Python peer, a floor) as a child process on the evidence zip,
 * sampling its PSS like the browser's, and reads the JSON it prints. A child that overruns the
 * timeout is killed; one that fails is reported with its stderr, not thrown, so the other sides still run.
 */
import { spawn } from 'node:child_process';
import { onInterrupt, killIfStillOurs } from './cleanup.mjs';
import { readStat } from './procfs.mjs';
import { startProcessSampler } from './processSampler.mjs';

/**
 * @typedef {{ ok: true, seconds: number, wallSeconds: number, peakPssBytes: number, output: Record<string, number> }
 *   | { ok: false, error: string }} ChildRun
 *   seconds: the program's own timing of its work (no interpreter start-up); wallSeconds: from spawn to exit
 */

/** @returns {Promise<ChildRun>} */
export function runMeasuredChild(command, args, { timeoutMs, label }) {
  return new Promise((resolveRun) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const startTicks = readStat(`/proc/${child.pid}/stat`)?.startTicks;
    const sampler = startProcessSampler(() => {
      const stat = readStat(`/proc/${child.pid}/stat`);
      return stat && stat.startTicks === startTicks ? [{ pid: child.pid, startTicks, type: label }] : [];
    });
    const forget = onInterrupt(() => killIfStillOurs(child.pid, startTicks));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\nkilled after ${timeoutMs / 1000} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => (stderr += error.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      forget();
      sampler.stop();
      const wallSeconds = (Date.now() - started) / 1000;
      if (code !== 0) {
        resolveRun({ ok: false, error: `${label} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
        return;
      }
      let output;
      try {
        output = JSON.parse(stdout);
      } catch {
        resolveRun({ ok: false, error: `${label} printed no JSON: ${stdout.slice(0, 200)}` });
        return;
      }
      resolveRun({
        ok: true,
        seconds: output.seconds,
        wallSeconds,
        peakPssBytes: Math.max(...sampler.samples.map((s) => s.pssBytes)),
        output,
      });
    });
  });
}
