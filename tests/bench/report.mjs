/**
 * What the bench prints: per evidence zip, the reference programs, the app's time, memory, stages and
 * CPU by thread group; at the end one summary table over every zip. The bounds are reported as PASS/FAIL
 * columns, not asserted.
 */
import { textTable } from './textTable.mjs';

const GiB = 1024 ** 3;
/** Thread groups under this share of the run's CPU, or this many seconds, are summed into one line. */
const MINOR_GROUP_SHARE = 0.01;
const MINOR_SECONDS = 0.05;

const gib = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / GiB).toFixed(2));
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const secs = (s) => (s === null || s === undefined ? 'n/a' : s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1));
const count = (n) => n.toLocaleString('en-US');
const ratio = (a, b) => (a && b ? a / b : null);
const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');

/** The figures the summary and the JSON share, computed once. */
export function derive(result) {
  const { app, peer, floorPython, floorNode, targets } = result;
  const appSeconds = app.state === 'done' ? app.seconds : null;
  const floor = floorPython.ok ? floorPython : floorNode.ok ? floorNode : null;
  const appPeer = ratio(appSeconds, peer.ok ? peer.seconds : null);
  return {
    appSeconds,
    floorSeconds: floor?.seconds ?? null,
    floorSource: floor === floorPython ? 'python' : floor ? 'node' : null,
    appPeerRatio: appPeer,
    appPeerPass: appPeer === null ? null : appPeer <= targets.peerRatio,
    appFloorRatio: ratio(appSeconds, floor?.seconds ?? null),
    // An unfinished run's peak says nothing about whether the whole case fits.
    peakPssPass: appSeconds === null || app.peakPssBytes === null ? null : app.peakPssBytes <= targets.peakPssBytes,
  };
}

function referenceLine(label, run) {
  if (!run.ok) return `  ${label.padEnd(20)} ${run.error}`;
  const o = run.output;
  const what =
    o.messages !== undefined
      ? `${count(o.messages)} messages, ${count(o.attachments)} attachments, ${count(o.parseErrors)} parse errors`
      : `${count(o.entries)} entries, ${mb(o.bytes)} MB inflated`;
  const unreadable = o.unreadable ? `, ${count(o.unreadable)} entries it cannot read` : '';
  return `  ${label.padEnd(20)} ${secs(run.seconds).padStart(7)} s   peak PSS ${gib(run.peakPssBytes)} GiB   ${what}${unreadable}`;
}

function split(app) {
  if (app.messagesFast === null && app.messagesPostal === null) {
    return 'n/a (the status element has no data-messages-fast / data-messages-postal)';
  }
  return `${app.messagesFast ?? 'n/a'} fast path, ${app.messagesPostal ?? 'n/a'} postal-mime`;
}

function threadRows(app) {
  const major = app.threadGroups.filter((g) => g.seconds >= Math.max(MINOR_SECONDS, MINOR_GROUP_SHARE * app.cpuSeconds));
  const minor = app.threadGroups.filter((g) => !major.includes(g));
  const rows = major.map((g) => [g.group, g.threads, g.seconds.toFixed(1), g.busiestThreadSeconds.toFixed(1)]);
  if (minor.length) {
    const seconds = minor.reduce((sum, g) => sum + g.seconds, 0);
    rows.push([`(${minor.length} other group${minor.length === 1 ? '' : 's'})`, minor.reduce((sum, g) => sum + g.threads, 0), seconds.toFixed(1), '']);
  }
  if (app.unattributedCpuSeconds >= 0.05) rows.push(['(threads ended between samples)', '', app.unattributedCpuSeconds.toFixed(1), '']);
  return rows;
}

/** @returns {string} the detailed block for one zip */
export function formatRun(result) {
  const { evidence, app, targets } = result;
  const d = derive(result);
  const lines = [
    referenceLine('floor (python)', result.floorPython),
    referenceLine('floor (node)', result.floorNode),
    referenceLine('peer (python email)', result.peer),
  ];
  const outcome = app.state === 'done' ? `done: "${app.statusText}"` : `FAILED: ${app.failure}`;
  lines.push(`  ${'app'.padEnd(20)} ${secs(app.seconds).padStart(7)} s   ${outcome}`);
  if (app.pageErrors?.length) lines.push(`  page errors: ${app.pageErrors.join(' | ')}`);
  const byType = Object.entries(app.peakPssByType ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([type, bytes]) => `${type} ${gib(bytes)}`)
    .join(', ');
  lines.push(
    `  memory (PSS, whole browser): idle ${gib(app.idlePssBytes)} GiB, peak ${gib(app.peakPssBytes)} GiB` +
      ` [${byType}]; bound ${gib(targets.peakPssBytes)} GiB: ${verdict(d.peakPssPass)}` +
      (app.otherChromiumProcesses ? ` (${app.otherChromiumProcesses} other Chromium processes were running and share its library pages)` : ''),
    `  cores busy: ${app.coresBusy.toFixed(2)} (${app.cpuSeconds.toFixed(1)} CPU-s over the run;` +
      ` the bench's own sampling took ${app.benchCpuSeconds.toFixed(1)} CPU-s besides)`,
    `  fast path / postal-mime: ${split(app)}`,
    `  search (Messages tab, typing delay included; bound 5 s at 100k): ` +
      ((app.searches ?? []).map((q) => `"${q.query}" ${q.seconds.toFixed(2)} s (${q.rows})`).join(', ') || 'not run'),
  );
  if (evidence.messages !== evidence.entries) lines.push(`  (${count(evidence.entries - evidence.messages)} entries are not .eml messages)`);
  if (app.stages.length) {
    lines.push(
      '',
      textTable(
        ['stage', 'starts at s', 'seconds', 'segments', 'cores busy'],
        app.stages.map((s) => [s.stage, s.firstAtSeconds.toFixed(2), secs(s.seconds), s.segments, s.coresBusy === null ? 'n/a' : s.coresBusy.toFixed(2)]),
        '  ',
      ),
    );
  }
  if (app.threadGroups.length) {
    lines.push('', textTable(['process/thread', 'threads', 'CPU-s', 'busiest thread CPU-s'], threadRows(app), '  '));
  }
  return lines.join('\n');
}

/** @returns {string} the one table over every zip of the run */
export function formatSummary(results) {
  const rows = results.map((result) => {
    const { evidence, app, targets, peer } = result;
    const d = derive(result);
    return [
      count(evidence.messages),
      mb(evidence.zipBytes),
      app.state === 'done' ? secs(app.seconds) : app.state,
      peer.ok ? secs(peer.seconds) : 'n/a',
      d.floorSeconds === null ? 'n/a' : `${secs(d.floorSeconds)}${d.floorSource === 'node' ? ' (node)' : ''}`,
      d.appPeerRatio === null ? 'n/a' : d.appPeerRatio.toFixed(2),
      `≤${targets.peerRatio.toFixed(2)}`,
      verdict(d.appPeerPass),
      d.appFloorRatio === null ? 'n/a' : d.appFloorRatio.toFixed(1),
      gib(app.peakPssBytes),
      `≤${gib(targets.peakPssBytes)}`,
      verdict(d.peakPssPass),
      gib(app.idlePssBytes),
      app.coresBusy?.toFixed(2) ?? 'n/a',
      app.messagesFast === null && app.messagesPostal === null ? 'n/a' : `${app.messagesFast ?? 'n/a'}/${app.messagesPostal ?? 'n/a'}`,
    ];
  });
  return textTable(
    ['N', 'zip MB', 'app s', 'peer s', 'floor s', 'app/peer', 'target', 'time', 'app/floor', 'peak GiB', 'bound', 'memory', 'idle GiB', 'cores', 'fast/postal'],
    rows,
  );
}
