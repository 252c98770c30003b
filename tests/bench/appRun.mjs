/**
 * One run of the built app on one evidence zip, in a browser of its own: the system Chromium with the
 * project's flags, a fresh profile directory (which also tells its processes apart from any other
 * browser's), the page from file://. Samples the whole browser's PSS and per-thread CPU from page load to
 * the end, records every change of the status element, and always closes the browser, kills anything of
 * it left over and removes the profile, whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tools/chromium.mjs';
import { browserProcessFinder, countOtherChromiumProcesses } from './browserProcesses.mjs';
import { isAlive, killIfStillOurs, onInterrupt } from './cleanup.mjs';
import { cpuBetween } from './cpuBetween.mjs';
import { startProcessSampler } from './processSampler.mjs';
import { searchTimings } from './searchTiming.mjs';
import { stageTable } from './stageTable.mjs';
import { FINAL_STATES, readStatus, startStatusLog, STATUS, waitForFinalState } from './statusLog.mjs';

const INPUT = '[data-testid="evidence-input"]';
/** Long enough for the idle page's memory to settle and give a dozen samples. */
const IDLE_MS = 3000;
const CLOSE_TIMEOUT_MS = 30_000;
/** Child processes take a moment to notice the browser process has gone. */
const EXIT_GRACE_MS = 3000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? null;

/** Closes the browser, then kills whatever of it outlived the close, then removes the profile. */
async function tearDown(context, sampler, findProcesses, profile) {
  if (context) {
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS))]);
  }
  sampler?.stop();
  const leftovers = [...(sampler?.seenProcesses() ?? []), ...findProcesses()];
  for (let waited = 0; waited < EXIT_GRACE_MS && leftovers.some((p) => isAlive(p.pid, p.startTicks)); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const killed = leftovers.filter((p) => killIfStillOurs(p.pid, p.startTicks)).length;
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  return killed;
}

/**
 * @param {{ builtFile: string, zipPath: string, timeoutMs: number }} options
 */
export async function runApp({ builtFile, zipPath, timeoutMs }) {
  const profile = mkdtempSync(join(tmpdir(), 'hmail-bench-profile-'));
  const findProcesses = browserProcessFinder(profile);
  let context = null;
  let sampler = null;
  const forget = onInterrupt(() => {
    for (const p of [...(sampler?.seenProcesses() ?? []), ...findProcesses()]) killIfStillOurs(p.pid, p.startTicks);
    rmSync(profile, { recursive: true, force: true });
  });
  const pageErrors = [];
  try {
    context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), headless: true });
    sampler = startProcessSampler(findProcesses);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(pathToFileURL(builtFile).href);
    await page.locator(STATUS).waitFor();
    await startStatusLog(page);

    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idlePssBytes = median(sampler.samples.filter((s) => s.t >= idleFrom).map((s) => s.pssBytes));
    const otherChromiumProcesses = countOtherChromiumProcesses(new Set(findProcesses().map((p) => p.pid)));

    const before = sampler.checkpoint();
    const benchCpuBefore = process.cpuUsage();
    const t0 = Date.now();
    let failure = null;
    try {
      await page.locator(INPUT).setInputFiles(zipPath);
      await waitForFinalState(page, timeoutMs);
    } catch (error) {
      failure = error.name === 'TimeoutError' ? `no final state after ${timeoutMs / 1000} s` : error.message.split('\n')[0];
    }
    const after = sampler.checkpoint();
    const searches = failure ? [] : await searchTimings(page);
    sampler.stop();
    const benchCpu = process.cpuUsage(benchCpuBefore);

    // After a time-out the page is still there and its log says how far it got; after a crash it is not.
    const read = await readStatus(page);
    const tEnd = read?.log.find((c) => c.t >= t0 && FINAL_STATES.includes(c.state))?.t ?? after.t;
    const runSamples = sampler.samples.filter((s) => s.t >= t0 && s.t <= after.t);
    const peak = runSamples.reduce((best, s) => (s.pssBytes > (best?.pssBytes ?? -1) ? s : best), null);
    const cpu = cpuBetween(before, after);
    const seconds = (tEnd - t0) / 1000;
    return {
      state: failure ? 'failed' : (read?.state ?? 'failed'),
      failure: failure ?? (read?.state === 'done' ? null : `ended "${read?.state}": ${read?.text}`),
      statusText: read?.text ?? null,
      seconds,
      idlePssBytes,
      otherChromiumProcesses,
      peakPssBytes: peak?.pssBytes ?? null,
      peakPssByType: peak?.pssByType ?? null,
      cpuSeconds: cpu.seconds,
      coresBusy: cpu.seconds / ((after.t - before.t) / 1000),
      threadGroups: cpu.groups,
      unattributedCpuSeconds: cpu.unattributedSeconds,
      // The bench's own sampling and Playwright client compete for the same cores; shown, not subtracted.
      benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
      stages: read ? stageTable(read.log, t0, tEnd, sampler.samples) : [],
      messagesFast: read?.fast ?? null,
      messagesPostal: read?.postal ?? null,
      searches,
      pageErrors,
      samples: runSamples.map((s) => ({ t: (s.t - t0) / 1000, pssBytes: s.pssBytes, cpuTicks: s.cpuTicks, processes: s.processes })),
    };
  } finally {
    const killed = await tearDown(context, sampler, findProcesses, profile);
    if (killed) console.log(`  (killed ${killed} browser process(es) that outlived the close)`);
    forget();
  }
}
