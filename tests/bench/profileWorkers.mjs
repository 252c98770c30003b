/**
 * Where a run's CPU goes, worker by worker (and on the page's main thread): one analysis of an evidence zip in the built page (an unminified
 * build, so functions keep their names), with the V8 sampling profiler started in every dedicated worker
 * before its first line runs (DevTools protocol, auto-attach paused at start). Prints each worker's busy
 * time and its heaviest functions, self and inclusive, and writes one .cpuprofile per worker that Chrome
 * DevTools opens (Performance panel). A tool for finding hot spots, not a measurement: the profiler slows
 * the run, and `npm run bench` gives the figures.
 * Usage: npm run bench:profile -- [--count N | --zip path] [--top K]   (defaults: the bench's 20,000 zip, top 15)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from '../tools/chromium.mjs';
import { generatedEvidence } from './evidenceZips.mjs';
import { summariseProfile } from './profileSummary.mjs';
import { FINAL_STATES, STATUS } from './statusLog.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT = join(REPO, 'tests', '.generated', 'profile-build', 'hmail-triage.html');
const OUT = join(REPO, 'tests', '.generated', 'profile');
const SAMPLING_US = 500;

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const zipPath = option('--zip') ?? generatedEvidence(Number(option('--count') ?? 20_000));
const top = Number(option('--top') ?? 15);
const { executablePath, args } = chromiumLaunchOptions();
if (!executablePath) throw new Error('profileWorkers needs a system Chromium (HMAIL_CHROMIUM or /usr/bin/chromium)');

const profileDir = mkdtempSync(join(tmpdir(), 'hmail-profile-'));
const browser = spawn(executablePath, [...args, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: 'ignore' });

/** Chromium writes the port it chose into the profile directory. */
async function devtoolsUrl() {
  for (let tries = 0; tries < 100; tries++) {
    try {
      const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
      return `ws://127.0.0.1:${port}${path}`;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('Chromium did not open its DevTools port');
}

try {
  const socket = new WebSocket(await devtoolsUrl());
  await new Promise((resolve, reject) => ((socket.onopen = resolve), (socket.onerror = reject)));
  let lastId = 0;
  const pending = new Map();
  const workers = [];
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  socket.onmessage = async (event) => {
    const message = JSON.parse(event.data);
    const waiting = pending.get(message.id);
    if (waiting) {
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(JSON.stringify(message.error)));
      else waiting.resolve(message.result);
    } else if (message.method === 'Target.attachedToTarget') {
      const sessionId = message.params.sessionId;
      // The page's own session is announced too: its main thread is profiled beside the workers.
      workers.push({ sessionId, type: message.params.targetInfo.type });
      await send('Profiler.enable', {}, sessionId);
      await send('Profiler.setSamplingInterval', { interval: SAMPLING_US }, sessionId);
      await send('Profiler.start', {}, sessionId);
      await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    }
  };

  const { targetInfos } = await send('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page');
  const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
  await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
  await send('Page.enable', {}, sessionId);
  await send('Page.navigate', { url: pathToFileURL(BUILT).href }, sessionId);
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)).result.value;
  while (!(await evaluate('!!document.querySelector(\'[data-testid="evidence-input"]\')'))) await new Promise((r) => setTimeout(r, 200));

  const { root } = await send('DOM.getDocument', {}, sessionId);
  const { nodeId } = await send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-testid="evidence-input"]' }, sessionId);
  const started = Date.now();
  await send('DOM.setFileInputFiles', { files: [zipPath], nodeId }, sessionId);
  const state = () => evaluate(`document.querySelector(${JSON.stringify(STATUS)})?.dataset.state ?? ""`);
  while (!FINAL_STATES.includes(await state())) await new Promise((r) => setTimeout(r, 500));
  console.log(`${zipPath}: ${await state()} after ${((Date.now() - started) / 1000).toFixed(1)} s (profiler on)`);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let workerNumber = 0;
  for (const { sessionId: target, type } of workers) {
    const name = type === 'page' ? 'page' : `worker-${workerNumber++}`;
    const { profile } = await send('Profiler.stop', {}, target);
    const file = join(OUT, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const title = type === 'page' ? 'the page (main thread)' : `${name} (in the order the page started them: case database, triage, then the parsers)`;
    console.log(`\n${summariseProfile(profile, top, title)}\n  profile: ${file}`);
  }
  socket.close();
} finally {
  browser.kill('SIGKILL');
  rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
