/**
 * The reference programs the app is compared with, run on the same zip in the same bench run: the Python
 * peer (stdlib email parser plus hashes) and the inflate + MD5 + SHA-256 floor, in Python and in Node.
 * Without python3 on the PATH the Python sides are skipped with a message saying so.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMeasuredChild } from './measuredChild.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** @returns {string | null} e.g. "Python 3.11.7", or null when python3 cannot be run */
export function python3Version() {
  const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() || probe.stderr.trim() : null;
}

/**
 * @returns {{ key: string, label: string, run: (zipPath: string, timeoutMs: number) => Promise<import('./measuredChild.mjs').ChildRun | { ok: false, error: string }> }[]}
 *   in the order they run: floors first, so every side reads the zip from a warm page cache
 */
export function referencePrograms() {
  const python = python3Version();
  const pythonSide = (key, label, script) => ({
    key,
    label,
    run: (zipPath, timeoutMs) =>
      python
        ? runMeasuredChild('python3', [join(HERE, script), zipPath], { timeoutMs, label })
        : Promise.resolve({ ok: false, error: `skipped: python3 is not on the PATH (install it to get ${label})` }),
  });
  return [
    pythonSide('floorPython', 'floor (python)', 'pythonFloor.py'),
    {
      key: 'floorNode',
      label: 'floor (node)',
      run: (zipPath, timeoutMs) =>
        runMeasuredChild(process.execPath, [join(HERE, 'nodeFloor.mjs'), zipPath], { timeoutMs, label: 'floor (node)' }),
    },
    pythonSide('peer', 'peer (python email)', 'pythonPeer.py'),
  ];
}
