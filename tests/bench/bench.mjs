/**
 * `npm run bench`: the built app (dist/hmail-triage.html, file://, system Chromium) against the Python
 * peer and the inflate + hash floor, on the same evidence zip in the same run, for each size asked.
 * Prints per zip the reference times, the app's time, whole-browser PSS (idle and peak), a stage table,
 * CPU by thread group and the fast-path/postal-mime split; then one summary table. Writes the figures to
 * tests/.generated/bench-<N>.json (bench-<zip name>.json for --zip). Reports the bounds as
 * PASS/FAIL without asserting them: the exit code is 1 only when a run could not finish (2 for bad flags).
 * Flags: see ./benchArgs.mjs (npm run bench -- --help). Linux only (/proc).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runApp } from './appRun.mjs';
import { parseBenchArgs, USAGE } from './benchArgs.mjs';
import { cleanUpOnSignals } from './cleanup.mjs';
import { describeZip, generatedEvidence } from './evidenceZips.mjs';
import { python3Version, referencePrograms } from './referenceRuns.mjs';
import { derive, formatRun, formatSummary } from './report.mjs';
import { targetsFor } from './targets.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT_FILE = join(REPO, 'dist', 'hmail-triage.html');
const OUT_DIR = join(REPO, 'tests', '.generated');

function machine() {
  return { cores: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(2)), python: python3Version(), node: process.version };
}

async function benchOne({ zipPath, jsonName, timeoutMs }) {
  const evidence = describeZip(zipPath);
  const mbZip = (evidence.zipBytes / 1e6).toFixed(1);
  const mbRaw = (evidence.uncompressedBytes / 1e6).toFixed(1);
  console.log(
    `\n== ${evidence.messages.toLocaleString('en-US')} messages · ${evidence.name} · ${mbZip} MB zipped, ` +
      `${mbRaw} MB in ${evidence.entries.toLocaleString('en-US')} entries`,
  );
  const atStart = machine();
  const result = { evidence, machineAtStart: atStart, targets: targetsFor(evidence.messages) };
  for (const program of referencePrograms()) {
    console.log(`  running ${program.label}…`);
    result[program.key] = await program.run(evidence.path, timeoutMs);
  }
  console.log('  running the app…');
  try {
    result.app = await runApp({ builtFile: BUILT_FILE, zipPath: evidence.path, timeoutMs });
  } catch (error) {
    result.app = { state: 'failed', failure: error.message.split('\n')[0], stages: [], threadGroups: [], pageErrors: [] };
  }
  console.log(formatRun(result));
  mkdirSync(OUT_DIR, { recursive: true });
  const jsonPath = join(OUT_DIR, jsonName);
  writeFileSync(jsonPath, JSON.stringify({ ...result, derived: derive(result), machineAtEnd: machine() }, null, 2));
  console.log(`  figures: ${jsonPath}`);
  return result;
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (process.platform !== 'linux') throw new Error('the bench reads /proc: Linux only');
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run "npm run build" first (npm run bench does)`);
  cleanUpOnSignals();
  const m = machine();
  console.log(`machine: ${m.cores} cores, load average ${m.loadAverage1m} at start, ${m.python ?? 'no python3'}, Node ${m.node}`);
  if (m.loadAverage1m > 0.5) console.log('  other work is running: these figures come from a loaded machine');

  const runs = [
    ...args.counts.map((count) => () => ({ zipPath: generatedEvidence(count), jsonName: `bench-${count}.json` })),
    ...args.zips.map((zip) => () => ({ zipPath: zip, jsonName: `bench-${basename(zip).replace(/\.zip$/i, '')}.json` })),
  ];
  const results = [];
  for (const run of runs) results.push(await benchOne({ ...run(), timeoutMs: args.timeoutMs }));
  console.log(`\n${formatSummary(results)}`);
  return results.every((r) => r.app.state === 'done') ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 2;
}
