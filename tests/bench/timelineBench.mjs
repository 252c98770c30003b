/**
 * Timeline benchmark (not a test; issue 11: zoom and pan under 100 ms per frame at 1,000,000 events).
 * Builds a case file of N timeline events (default 1,000,000: two years of activity, a busy fortnight, a
 * brute-force burst and a few outliers years away) with the app's own CASE_SCHEMA, cached in
 * tests/.generated/. Then:
 * 1. in Node (sql.js, one thread), times the histogram query of wide and narrow views both ways: grouping the
 *    events (the path filtered views still take) and summing the pre-counted bucket tables;
 * 2. in the built page (file://, system Chromium), drops the case file, opens the Timeline tab and times
 *    frames: from the input (wheel at the cursor, arrow-key pan, "Fit all") to the next animation frame after
 *    the bars of the new view are in (the canvas's data-buckets-for equals its data-view).
 * Prints medians and maxima per kind of frame; nothing is asserted.
 * Usage: npm run bench:timeline [-- --events N] [-- --frames F]   (npm run build first when calling node directly)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import initSqlJs from 'sql.js';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from '../tools/chromium.mjs';
import { mulberry32 } from '../generate/mulberry32.mjs';
import { textTable } from './textTable.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT = join(REPO, 'dist', 'hmail-triage.html');
const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const TYPES = ['connection', 'logon-failed', 'logon-ok', 'message-accepted', 'delivery-local', 'message-received'];

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  const value = Number(i >= 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** When the i-th generated event happens: most over two years, a tenth in one fortnight, a burst, outliers. */
function eventTime(i, rand) {
  if (i % 50_000 === 0) return Date.UTC(2031, 4, 1) + i; // a skewed clock, years away
  const r = rand();
  if (r < 0.1) return START + 400 * DAY + rand() * 14 * DAY;
  if (r < 0.12) return START + 500 * DAY + rand() * 3_600_000;
  return START + rand() * 730 * DAY;
}

async function buildCaseFile(path, events, caseSchema, applicationId) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(caseSchema.CASE_SCHEMA);
  db.run('INSERT INTO case_meta VALUES (?, ?)', ['schema_version', String(caseSchema.CASE_SCHEMA_VERSION)]);
  db.run('INSERT INTO case_meta VALUES (?, ?)', ['server_zone', JSON.stringify({ id: 'UTC+00:00', fixedOffsetMinutes: 0, basis: 'bench' })]);
  // Opened as a saved case: the bucket tables are left for the page to count, as for a case from an older release.
  for (const t of ['case_timeline_days', 'case_timeline_hours', 'case_timeline_minutes']) db.exec(`DROP TABLE ${t}`);
  const rand = mulberry32(11);
  db.exec('BEGIN');
  const stmt = db.prepare('INSERT INTO case_timeline VALUES (?, NULL, ?, ?, ?, NULL, NULL, ?, ?, ?, NULL)');
  for (let i = 0; i < events; i++) {
    const type = TYPES[i % TYPES.length];
    stmt.run([new Date(Math.floor(eventTime(i, rand))).toISOString(), type, `bench:${i}`, `${type} ${i}`, `user${i % 300}@bench.example`, `198.51.100.${i % 250}`, 'UTC+00:00']);
  }
  stmt.free();
  db.exec('COMMIT');
  db.exec(`PRAGMA application_id = ${applicationId}`);
  writeFileSync(path, db.export());
  db.close();
}

/** Node-side query times: the events grouped (old path) against the bucket tables, best of 3. */
async function queryTimes(path, timeline, buckets) {
  const SQL = await initSqlJs();
  const { readFileSync } = await import('node:fs');
  const db = new SQL.Database(readFileSync(path));
  const t0 = performance.now();
  buckets.countTimelineBuckets(db);
  const countMs = performance.now() - t0;
  const run = (q) => {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      db.exec(q.sql, q.params);
      best = Math.min(best, performance.now() - s);
    }
    return best;
  };
  const views = [
    ['all (10 years, month bars)', { start: START, end: Date.UTC(2031, 6, 1) }],
    ['two years (month bars)', { start: START, end: START + 730 * DAY }],
    ['one year (day bars)', { start: START, end: START + 365 * DAY }],
    ['a fortnight (hour bars)', { start: START + 400 * DAY, end: START + 414 * DAY }],
    ['one day (10-minute bars)', { start: START + 405 * DAY, end: START + 406 * DAY }],
    ['one hour (minute bars)', { start: START + 500 * DAY, end: START + 500 * DAY + 3_600_000 }],
    ['five minutes (second bars)', { start: START + 500 * DAY, end: START + 500 * DAY + 300_000 }],
  ];
  const rows = [];
  const f = timeline.EMPTY_TIMELINE_FILTER;
  for (const [label, view] of views) {
    const level = timeline.bucketLevelFor(view.end - view.start);
    const counted = timeline.timelineBucketsQuery(level, f, view);
    const grouped = {
      sql: 'SELECT substr(time_utc, 1, ?) AS bucket, type, COUNT(*) AS n FROM case_timeline WHERE time_utc >= ? AND time_utc < ? GROUP BY bucket, type',
      params: [timeline.levelSpec(level).prefix, timeline.isoOf(view.start), timeline.isoOf(view.end)],
    };
    rows.push([label, level, ms(run(grouped)), timeline.countedTableFor(level, f) ? ms(run(counted)) : '(events)']);
  }
  db.close();
  return { countMs, rows };
}

/** One frame in the page: fire the input, wait for the bars of the new view, then for the next paint. */
async function frame(page, input) {
  return page.evaluate(async (input) => {
    const c = document.querySelector('[data-testid="timeline-histogram"]');
    const before = c.dataset.view;
    const t0 = performance.now();
    if (input.kind === 'wheel') {
      const r = c.getBoundingClientRect();
      c.dispatchEvent(new WheelEvent('wheel', { deltaY: input.deltaY, clientX: r.left + r.width * input.at, clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));
    } else if (input.kind === 'key') {
      c.dispatchEvent(new KeyboardEvent('keydown', { key: input.key, bubbles: true, cancelable: true }));
    } else {
      [...document.querySelectorAll('#panel-timeline button')].find((b) => b.textContent.trim() === input.button).click();
    }
    await new Promise((resolve, reject) => {
      const done = () => c.dataset.view !== before && c.dataset.bucketsFor === c.dataset.view;
      if (done()) return resolve();
      const timer = setTimeout(() => reject(new Error(`no new view after ${JSON.stringify(input)}`)), 60_000);
      new MutationObserver((_, o) => {
        if (done()) {
          clearTimeout(timer);
          o.disconnect();
          resolve();
        }
      }).observe(c, { attributes: true });
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, input);
}

async function pageFrames(casePath, frames) {
  const context = await chromium.launchPersistentContext('', { ...chromiumLaunchOptions(), headless: true, viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(BUILT).href);
    const opened = Date.now();
    await page.setInputFiles('[data-testid="evidence-input"]', casePath);
    await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[data-testid="analysis-status"]')?.dataset.state ?? ''), null, { timeout: 600_000, polling: 100 });
    const openMs = Date.now() - opened;
    const tab = Date.now();
    await page.getByRole('tab', { name: /Timeline/ }).click();
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="timeline-histogram"]');
      return c && c.dataset.view && c.dataset.bucketsFor === c.dataset.view;
    }, null, { timeout: 600_000, polling: 50 });
    const tabMs = Date.now() - tab;
    const rows = [];
    const measure = async (label, inputs) => {
      const times = [];
      for (const input of inputs) times.push(await frame(page, input));
      rows.push([label, String(times.length), ms(median(times)), ms(Math.max(...times)), times.filter((t) => t > 100).length ? `${times.filter((t) => t > 100).length} over 100 ms` : 'all ≤ 100 ms']);
    };
    await frame(page, { kind: 'button', button: 'Fit all' });
    const wide = [];
    for (let i = 0; i < frames; i++) wide.push({ kind: 'wheel', deltaY: 100, at: 0.3 + (i % 5) / 10 }, { kind: 'wheel', deltaY: -100, at: 0.3 + (i % 5) / 10 });
    await measure('wide: wheel zoom at the cursor (years … months)', wide);
    await frame(page, { kind: 'button', button: 'Fit busy part' });
    const pans = [];
    for (let i = 0; i < frames; i++) pans.push({ kind: 'key', key: i % 2 ? 'ArrowLeft' : 'ArrowRight' });
    await measure('wide: pan a quarter (two years, day bars)', pans);
    const zoomIn = Array.from({ length: frames }, () => ({ kind: 'wheel', deltaY: -150, at: 0.55 }));
    await measure('zoom in step by step, wide to narrow', zoomIn);
    await measure('narrow: pan a quarter', pans);
    const fits = [];
    for (let i = 0; i < Math.ceil(frames / 2); i++) fits.push({ kind: 'button', button: 'Fit all' }, { kind: 'button', button: 'Fit busy part' });
    await measure('"Fit all" / "Fit busy part"', fits);
    return { openMs, tabMs, rows };
  } finally {
    await context.close();
  }
}

const events = option('--events', 1_000_000);
const frames = option('--frames', 20);
if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npm run build first (npm run bench:timeline does)`);
const server = await createServer({ root: REPO, configFile: false, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom', optimizeDeps: { noDiscovery: true, entries: [] } });
let caseSchema, timeline, buckets, classify;
try {
  caseSchema = await server.ssrLoadModule('/src/lib/store/caseSchema.ts');
  buckets = await server.ssrLoadModule('/src/lib/store/timelineBuckets.ts');
  timeline = {
    ...(await server.ssrLoadModule('/src/ui/queries/timeline.ts')),
    ...(await server.ssrLoadModule('/src/lib/store/queries/timelineQueries.ts')),
    ...(await server.ssrLoadModule('/src/lib/model/timelineLevel.ts')),
  };
  classify = await server.ssrLoadModule('/src/lib/ingest/classifyEntry.ts');
} finally {
  await server.close();
}
const dir = join(REPO, 'tests', '.generated');
mkdirSync(dir, { recursive: true });
const casePath = join(dir, `timeline-${events}.sqlite`);
if (!existsSync(casePath)) {
  const t = Date.now();
  await buildCaseFile(casePath, events, caseSchema, classify.CASE_FILE_APPLICATION_ID);
  console.log(`built ${casePath} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`\n${events.toLocaleString('en')} timeline events`);
const q = await queryTimes(casePath, timeline, buckets);
console.log(`\nNode, sql.js, one thread: counting the bucket tables took ${ms(q.countMs)}; histogram query, best of 3:`);
console.log(textTable(['view', 'bars', 'grouping the events', 'bucket tables'], q.rows));
const p = await pageFrames(casePath, frames);
console.log(`\nBuilt page: case file opened (bucket tables counted) in ${(p.openMs / 1000).toFixed(1)} s; Timeline tab first drawn in ${(p.tabMs / 1000).toFixed(1)} s.`);
console.log('Frames, from the input to the next paint after the new bars are in:');
console.log(textTable(['frames', 'n', 'median', 'max', '≤ 100 ms'], p.rows));
