/**
 * Runs every test suite (Vitest: unit, workers, contract, golden; Playwright: browser tests against the
 * built file), sums their results and prints, as the very last line, `N passed, N failed[, N skipped]`.
 * A suite that crashes or leaves no report counts as failed, never as zero. Exit code 1 when anything failed.
 * Usage: node tests/run-all.mjs [--build]   (--build runs `npm run build` first; a failed build counts as
 * a failure and skips the browser suite, and the totals line is still printed)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT_DIR = join(REPO, 'test-results', 'run-all');
/** A hung suite must not hang CI for ever; well above what the suites need on 2 cores. */
const SUITE_TIMEOUT_MS = 40 * 60 * 1000;
const BIN = join(REPO, 'node_modules', '.bin');

const SUITES = [
  {
    name: 'unit (vitest)',
    report: join(REPORT_DIR, 'vitest.json'),
    command: (report) => [join(BIN, 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]],
    env: () => ({}),
    count: vitestCounts,
  },
  {
    name: 'browser (playwright)',
    needsBuild: true,
    report: join(REPORT_DIR, 'playwright.json'),
    command: () => [join(BIN, 'playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json']],
    env: (report) => ({ PLAYWRIGHT_JSON_OUTPUT_NAME: report }),
    count: playwrightCounts,
  },
];

/** Vitest's JSON report is Jest-shaped; a file that failed to load has no tests but status failed. */
function vitestCounts(report) {
  const crashedFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + crashedFiles,
    skipped: report.numPendingTests + report.numTodoTests,
    notes: crashedFiles ? [`${crashedFiles} test file(s) failed to run`] : [],
  };
}

/** Flaky counts as passed (retries are off anyway); global errors (config, setup) count as failures. */
function playwrightCounts(report) {
  const { expected, unexpected, flaky, skipped } = report.stats;
  const errors = report.errors?.length ?? 0;
  return {
    passed: expected + flaky,
    failed: unexpected + errors,
    skipped,
    notes: errors ? [`${errors} error(s) outside tests`] : [],
  };
}

function run(file, args, env) {
  return new Promise((resolveRun) => {
    const child = spawn(file, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env } });
    const timer = setTimeout(() => child.kill('SIGKILL'), SUITE_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveRun({ code: null, reason: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, reason: signal ? `killed by ${signal}` : null });
    });
  });
}

async function runSuite(suite) {
  rmSync(suite.report, { force: true });
  const [file, args] = suite.command(suite.report);
  console.log(`\n=== ${suite.name}: ${[file.replace(`${REPO}/`, ''), ...args].join(' ')}\n`);
  const { code, reason } = await run(file, args, suite.env(suite.report));
  let counts;
  try {
    counts = suite.count(JSON.parse(readFileSync(suite.report, 'utf8')));
  } catch (error) {
    const why = existsSync(suite.report) ? `unreadable report (${error.message})` : 'no report written';
    return { passed: 0, failed: 1, skipped: 0, notes: [`suite crashed: ${reason ?? `exit ${code}`}, ${why}`] };
  }
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push(`suite exited with ${reason ?? `code ${code}`} although no test failed`);
  }
  return counts;
}

function summary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

async function build() {
  console.log('\n=== build: npm run build\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { code, reason } = await run(npm, ['run', 'build'], {});
  return code === 0 ? null : `npm run build failed (${reason ?? `exit ${code}`})`;
}

async function main() {
  mkdirSync(REPORT_DIR, { recursive: true });
  const results = [];
  const buildFailure = process.argv.includes('--build') ? await build() : null;
  if (buildFailure) results.push({ suite: { name: 'build' }, counts: { passed: 0, failed: 1, skipped: 0, notes: [buildFailure] } });
  for (const suite of SUITES) {
    const counts =
      buildFailure && suite.needsBuild
        ? { passed: 0, failed: 1, skipped: 0, notes: ['not run: the build failed'] }
        : await runSuite(suite);
    results.push({ suite, counts });
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  const lines = ['', '=== totals'];
  for (const { suite, counts } of results) {
    for (const key of Object.keys(total)) total[key] += counts[key];
    lines.push(`${suite.name}: ${summary(counts)}${counts.notes.length ? ` (${counts.notes.join('; ')})` : ''}`);
  }
  lines.push(summary(total));
  process.exitCode = total.failed > 0 ? 1 : 0;
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
