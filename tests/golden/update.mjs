/**
 * Rewrites the golden files in tests/golden/ from the current code (GOLDEN_UPDATE=1 honoured by the golden
 * tests), then shows what changed. Review the diff before committing: it is the behaviour change.
 * Usage: node tests/golden/update.mjs
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vitest = join(REPO, 'node_modules', '.bin', 'vitest');

const run = spawnSync(vitest, ['run', 'tests/golden'], {
  cwd: REPO,
  stdio: 'inherit',
  env: { ...process.env, GOLDEN_UPDATE: '1' },
});
if (run.status !== 0) process.exit(run.status ?? 1);
spawnSync('git', ['status', '--short', '--', 'tests/golden'], { cwd: REPO, stdio: 'inherit' });
