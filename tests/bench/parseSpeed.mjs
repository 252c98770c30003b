/**
 * Micro-benchmark (not a test): message parsing in Node, one thread, on the bench generator's messages.
 * Times the fast MIME path against postal-mime alone, then the whole parseMessage against
 * parseMessageReference (postal-mime for every body), and extractIocs' address scan against the regex
 * it replaced; counts how many messages the fast path accepted. The TypeScript sources are loaded
 * through Vite's SSR loader, so nothing is built first.
 * Usage: node tests/bench/parseSpeed.mjs [--count N] [--rounds R]   (defaults: 2000 messages, 2 rounds)
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { benchMessages } from '../generate/largeEvidence.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const POSTAL_MAX_HEADERS = 8 * 1024 * 1024;
const EMAIL_RE = /[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b/gi;

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  const value = Number(i >= 0 ? process.argv[i + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/**
 * Best of `rounds` passes over every message, in ms per message, wall-clock and this process's CPU time:
 * on a machine shared with other work the CPU time is the steadier figure.
 */
async function time(label, messages, rounds, run) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    for (const m of messages) await run(m);
    wall = Math.min(wall, performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { label, wall: wall / messages.length, cpu: cpu / messages.length };
}

const count = option('--count', 2000);
const rounds = option('--rounds', 2);
const server = await createServer({ root: REPO, configFile: false, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
try {
  const { default: PostalMime } = await import('postal-mime');
  const { fastMime } = await server.ssrLoadModule('/src/lib/mail/fastMime.ts');
  const { parseMessage, parseMessageReference } = await server.ssrLoadModule('/src/lib/mail/parseMessage.ts');
  const { emailsInText } = await server.ssrLoadModule('/src/lib/mail/extractIocs.ts');

  const messages = [...benchMessages(count)].map(({ path, bytes }) => ({ path, bytes: new Uint8Array(bytes) }));
  const megabytes = messages.reduce((n, m) => n + m.bytes.length, 0) / 1e6;
  const hashes = { md5: 'm', sha256: 's' };

  let fast = 0;
  const texts = [];
  for (const m of messages) {
    const parsed = await parseMessage(m.bytes, m.path, hashes, null);
    if (parsed.parsedBy === 'fast') fast++;
    texts.push(parsed.text);
  }

  const rows = [
    await time('MIME decode: postal-mime', messages, rounds, (m) => PostalMime.parse(m.bytes, { attachmentEncoding: 'arraybuffer', maxHeadersSize: POSTAL_MAX_HEADERS })),
    await time('MIME decode: fast path', messages, rounds, (m) => fastMime(m.bytes, POSTAL_MAX_HEADERS)),
    await time('parseMessageReference (postal-mime)', messages, rounds, (m) => parseMessageReference(m.bytes, m.path, hashes, null)),
    await time('parseMessage (fast path first)', messages, rounds, (m) => parseMessage(m.bytes, m.path, hashes, null)),
  ];
  const textRows = texts.map((text) => ({ text }));
  rows.push(
    await time('addresses in text: regex at every position', textRows, rounds, ({ text }) => [...text.matchAll(EMAIL_RE)].length),
    await time('addresses in text: from each @', textRows, rounds, ({ text }) => [...emailsInText(text)].length),
  );

  console.log(`parse speed: ${count} bench messages (${megabytes.toFixed(1)} MB), Node ${process.version}, best of ${rounds} rounds, one thread`);
  console.log(`fast path accepted ${fast}/${count}; ${count - fast} went to postal-mime`);
  console.log(`  ${''.padEnd(46)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)}  (ms/message)`);
  for (const row of rows) console.log(`  ${row.label.padEnd(46)} ${row.wall.toFixed(3).padStart(8)} ${row.cpu.toFixed(3).padStart(8)}`);
} finally {
  await server.close();
}
