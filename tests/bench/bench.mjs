/**
 * Benchmark (not a test): intake + inventory + hashing of a large synthetic Data-folder zip in the built
 * app (headless Chromium, file://), against a plain baseline in the same run — one classic worker that
 * only inflates every entry (DecompressionStream) and SHA-256-hashes it. Prints a table.
 * Usage (after `npm run build`): node tests/bench/bench.mjs [--count N]   (or HMAIL_BENCH_COUNT=N)
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { generateLargeEvidence } from '../generate/largeEvidence.mjs';
import { chromiumLaunchOptions } from '../tools/chromium.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT_FILE = join(REPO, 'dist', 'hmail-triage.html');
const OUT_DIR = join(REPO, 'test-results', 'bench');
const DEFAULT_COUNT = 20_000;
/** How long one side may run before the benchmark gives up on it. */
const RUN_TIMEOUT_MS = Number(process.env.HMAIL_BENCH_TIMEOUT_MS ?? 30 * 60 * 1000);
const SAMPLE_EVERY_MS = 250;

function parseCount() {
  const i = process.argv.indexOf('--count');
  const count = Number(i >= 0 ? process.argv[i + 1] : (process.env.HMAIL_BENCH_COUNT ?? DEFAULT_COUNT));
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  return count;
}

function readAt(fd, position, length) {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * Locates every file entry's compressed bytes through the central directory (ZIP64-aware), so the
 * baseline worker does nothing but slice, inflate and hash.
 */
function zipEntries(path) {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${path}: no end of central directory`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
      const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory at entry ${i}`);
      const method = cd.readUInt16LE(p + 10);
      let compressed = cd.readUInt32LE(p + 20);
      let uncompressed = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      for (let e = p + 46 + nameLength; e < p + 46 + nameLength + extraLength; ) {
        const id = cd.readUInt16LE(e);
        const length = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressed === 0xffffffff) (uncompressed = Number(cd.readBigUInt64LE(f))), (f += 8);
          if (compressed === 0xffffffff) (compressed = Number(cd.readBigUInt64LE(f))), (f += 8);
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(f));
        }
        e += 4 + length;
      }
      p += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      const local = readAt(fd, localOffset, 30);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      entries.push([dataOffset, compressed, method, uncompressed]);
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs in a classic blob worker: the least work an inventory with hashes could do — read the zip in
 * large windows, inflate each entry with the native DecompressionStream, SHA-256 it with WebCrypto.
 * (Blob.stream() or Response per entry would cost ~1 ms of overhead each and flatter the app.)
 */
const BASELINE_WORKER = `
const WINDOW_BYTES = 16 * 1024 * 1024;
async function inflate(data) {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer.write(data).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
self.onmessage = async ({ data: { file, entries } }) => {
  const started = performance.now();
  let bytes = 0;
  let windowStart = 0;
  let window = new Uint8Array(0);
  for (const [offset, compressed, method] of entries) {
    if (offset < windowStart || offset + compressed > windowStart + window.length) {
      windowStart = offset;
      window = new Uint8Array(await file.slice(offset, offset + Math.max(WINDOW_BYTES, compressed)).arrayBuffer());
    }
    const data = window.subarray(offset - windowStart, offset - windowStart + compressed);
    const raw = method === 8 ? await inflate(data) : data;
    await crypto.subtle.digest('SHA-256', raw);
    bytes += raw.byteLength;
  }
  self.postMessage({ ms: performance.now() - started, bytes, files: entries.length });
};`;

/** Sum of VmRSS of the Chromium renderer processes under this Node process (workers live there); Linux only. */
function rendererRssBytes() {
  if (process.platform !== 'linux') return null;
  const children = new Map();
  const cmdlines = new Map();
  for (const pid of readdirNumeric('/proc')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
      cmdlines.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop();
    for (const child of children.get(pid) ?? []) {
      stack.push(child);
      if (!cmdlines.get(child)?.includes('--type=renderer')) continue;
      try {
        const rss = readFileSync(`/proc/${child}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
        if (rss) total += Number(rss[1]) * 1024;
      } catch {
        // The process ended while we looked.
      }
    }
  }
  return total;
}

function readdirNumeric(dir) {
  return readdirSync(dir).filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Peak main-thread JS heap (CDP) and renderer RSS, sampled until stop() is called. */
async function startSampling(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const peaks = { jsHeap: 0, rss: null };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peaks.jsHeap = Math.max(peaks.jsHeap, heap);
      } catch {
        // The page is navigating or closing; the next sample will tell.
      }
      const rss = rendererRssBytes();
      if (rss !== null) peaks.rss = Math.max(peaks.rss ?? 0, rss);
      await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await cdp.detach().catch(() => {});
    return peaks;
  };
}

async function runBaseline(browser, zipPath, entries) {
  mkdirSync(OUT_DIR, { recursive: true });
  const html = join(OUT_DIR, 'baseline.html');
  writeFileSync(html, '<!doctype html><meta charset="utf-8"><title>baseline</title><input type="file" id="evidence">');
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href);
  await page.locator('#evidence').setInputFiles(zipPath);
  const stop = await startSampling(page);
  const started = Date.now();
  const result = await page.evaluate(
    ({ code, entries }) =>
      new Promise((resolveRun, rejectRun) => {
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        worker.onmessage = ({ data }) => {
          worker.terminate();
          resolveRun(data);
        };
        worker.onerror = (event) => rejectRun(new Error(event.message));
        worker.postMessage({ file: document.querySelector('#evidence').files[0], entries });
      }),
    { code: BASELINE_WORKER, entries },
  );
  const wallMs = Date.now() - started;
  const peaks = await stop();
  await page.close();
  return { seconds: wallMs / 1000, bytes: result.bytes, files: result.files, peaks, state: 'done', ingestSeconds: null };
}

/** Records every change of the status element with a page-side timestamp, so no polling skews timings. */
function installStatusLog() {
  const el = document.querySelector('[data-testid="analysis-status"]');
  const log = [];
  const note = () =>
    log.push({ t: performance.now(), state: el.dataset.state, stage: el.dataset.stage ?? null, text: el.textContent ?? '' });
  new MutationObserver(note).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
  window.__benchStatusLog = log;
  window.__benchStart = () => {
    log.length = 0;
    window.__benchT0 = performance.now();
  };
}

/** When the ingest stage ended: `data-stage` if the page sets it, else the status text stops naming ingest. */
function ingestEnd(log, t0) {
  const INGEST = /ingest|reading|inventor|hashing/i;
  let seen = false;
  for (const entry of log) {
    const inIngest = entry.stage ? entry.stage === 'ingest' : INGEST.test(entry.text);
    if (inIngest) seen = true;
    else if (seen) return (entry.t - t0) / 1000;
  }
  return null;
}

async function runApp(browser, zipPath, count, uncompressedBytes) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(BUILT_FILE).href);
  const status = page.locator('[data-testid="analysis-status"]');
  await status.waitFor();
  await page.evaluate(installStatusLog);
  const stop = await startSampling(page);
  await page.evaluate(() => window.__benchStart());
  const started = Date.now();
  await page.locator('[data-testid="evidence-input"]').setInputFiles(zipPath);
  await page.waitForFunction(
    () => ['done', 'error', 'cancelled'].includes(document.querySelector('[data-testid="analysis-status"]')?.dataset.state ?? ''),
    undefined,
    { timeout: RUN_TIMEOUT_MS, polling: 100 },
  );
  const wallMs = Date.now() - started;
  const peaks = await stop();
  const { log, t0 } = await page.evaluate(() => ({ log: window.__benchStatusLog, t0: window.__benchT0 }));
  const state = await status.getAttribute('data-state');
  const finalText = (await status.innerText()).trim();
  await page.close();
  return {
    seconds: wallMs / 1000,
    bytes: uncompressedBytes,
    files: count,
    peaks,
    state,
    finalText,
    errors,
    ingestSeconds: ingestEnd(log, t0),
  };
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
const fmt = (value, digits = 1) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));

function table(zip, app, baseline) {
  const rows = [
    ['', 'app', 'baseline', 'app / baseline'],
    ['wall time (s)', fmt(app.seconds), fmt(baseline.seconds), fmt(app.seconds / baseline.seconds, 2) + '×'],
    [
      'throughput (MB/s, uncompressed)',
      fmt(app.bytes / 1e6 / app.seconds),
      fmt(baseline.bytes / 1e6 / baseline.seconds),
      fmt(app.bytes / app.seconds / (baseline.bytes / baseline.seconds), 2) + '×',
    ],
    ['files/s', fmt(app.files / app.seconds, 0), fmt(baseline.files / baseline.seconds, 0), fmt((app.files / app.seconds) / (baseline.files / baseline.seconds), 2) + '×'],
    ['ingest stage ended after (s)', fmt(app.ingestSeconds), '—', '—'],
    ['peak JS heap, main thread (MB)', mb(app.peaks.jsHeap), mb(baseline.peaks.jsHeap), fmt(app.peaks.jsHeap / baseline.peaks.jsHeap, 2) + '×'],
    [
      'peak renderer RSS incl. workers (MB)',
      app.peaks.rss === null ? 'n/a' : mb(app.peaks.rss),
      baseline.peaks.rss === null ? 'n/a' : mb(baseline.peaks.rss),
      app.peaks.rss && baseline.peaks.rss ? fmt(app.peaks.rss / baseline.peaks.rss, 2) + '×' : 'n/a',
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [
    `evidence: ${zip.path}`,
    `  ${zip.files} files, ${mb(zip.bytes)} MB uncompressed, ${mb(zip.size)} MB zipped`,
    '',
    ...lines,
  ].join('\n');
}

async function main() {
  if (!existsSync(BUILT_FILE)) throw new Error(`${BUILT_FILE} is missing: run "npm run build" first`);
  const count = parseCount();
  const generated = await generateLargeEvidence({
    count,
    out: join(REPO, 'tests/.generated', `large-evidence-v1-${count}.zip`),
    force: false,
  });
  const zipPath = generated.out;
  const entries = zipEntries(zipPath);
  const uncompressed = entries.reduce((sum, e) => sum + e[3], 0);
  const zip = { path: zipPath, files: entries.length, bytes: uncompressed, size: statSync(zipPath).size };

  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    console.log(`baseline: inflating and hashing ${entries.length} entries in one worker…`);
    const baseline = await runBaseline(browser, zipPath, entries);
    if (baseline.bytes !== uncompressed) {
      throw new Error(`baseline inflated ${baseline.bytes} bytes, the central directory says ${uncompressed}`);
    }
    console.log(`app: analysing ${zipPath} in ${BUILT_FILE}…`);
    const app = await runApp(browser, zipPath, entries.length, uncompressed);
    if (app.state !== 'done') console.log(`app ended in state "${app.state}": ${app.finalText}`);
    if (app.errors.length) console.log(`page errors: ${app.errors.join(' | ')}`);
    const report = table(zip, app, baseline);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'bench.json'), JSON.stringify({ zip, app, baseline }, null, 2));
    console.log(`\n${report}\n`);
  } finally {
    await browser.close();
  }
}

await main();
