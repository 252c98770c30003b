/**
 * Generates a large synthetic hMailServer Data-folder zip for the benchmark and the cancel test:
 * N messages (default 20,000) of about 30 KB on average, 10% with a base64 attachment, deflated,
 * streamed to disk entry by entry so memory stays bounded. Deterministic for a given N.
 * Usage: node tests/generate/largeEvidence.mjs [--count N] [--out file.zip] [--force]
 *        (or HMAIL_BENCH_COUNT=N). Prints the zip's path as its last line; an existing complete zip
 *        for the same N and generator version is reused unless --force.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { configure, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { mulberry32 } from './mulberry32.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Bumped whenever the output changes, so a stale cached zip is never reused. */
const GENERATOR_VERSION = 1;
const DEFAULT_COUNT = 20_000;
const MEAN_MESSAGE_BYTES = 30 * 1024;
/** Keeps one pathological draw from producing a multi-megabyte outlier that would skew throughput. */
const MAX_MESSAGE_BYTES = 400 * 1024;
const MIN_MESSAGE_BYTES = 1500;
const ATTACHMENT_SHARE = 0.1;
const ZIP_DATE = new Date(Date.UTC(2024, 5, 4, 7, 30, 0));
const SEED = 0x5eed2024;

function parseArgs(argv) {
  const args = { count: Number(process.env.HMAIL_BENCH_COUNT ?? DEFAULT_COUNT), out: null, force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--count') args.count = Number(argv[++i]);
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else if (argv[i] === '--force') args.force = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(args.count) || args.count < 1) throw new Error('--count must be a positive integer');
  args.out ??= resolve(REPO, 'tests/.generated', `large-evidence-v${GENERATOR_VERSION}-${args.count}.zip`);
  return args;
}

const WORDS = (
  'the report meeting budget invoice schedule project customer delivery account server mail ' +
  'please review attached update contract order shipment quarter figures team office network ' +
  'security password policy request approval deadline draft final version change support ticket ' +
  'monday tuesday wednesday thursday friday morning afternoon call agenda notes minutes travel ' +
  'hotel flight booking payment transfer bank statement balance credit regards thanks best hello'
).split(' ');

const DOMAINS = ['harbourline.example', 'lakeview.example', 'northfield.example'];
const EXTERNAL = ['partner.example', 'supplier.example', 'news.example', 'bank.example', 'freemail.example'];
const USERS_PER_DOMAIN = 16;
const LINE_POOL_SIZE = 4096;
const RANDOM_POOL_BYTES = 4 * 1024 * 1024;

export function createCorpus(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = Array.from({ length: LINE_POOL_SIZE }, () => {
    const words = [];
    let length = 0;
    while (length < 68) {
      const word = pick(WORDS);
      words.push(word);
      length += word.length + 1;
    }
    return words.join(' ');
  });
  const pool = new Uint8Array(RANDOM_POOL_BYTES);
  for (let i = 0; i < pool.length; i += 4) {
    const v = Math.floor(random() * 4294967296);
    pool[i] = v & 255;
    pool[i + 1] = (v >>> 8) & 255;
    pool[i + 2] = (v >>> 16) & 255;
    pool[i + 3] = v >>> 24;
  }
  return { lines, pool, pick };
}

function guid(random) {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16).toUpperCase()).join('');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** Exponential around the mean, clamped: most messages small, a long tail of big ones. */
function messageSize(random) {
  const size = Math.round(-Math.log(1 - random()) * MEAN_MESSAGE_BYTES);
  return Math.min(MAX_MESSAGE_BYTES, Math.max(MIN_MESSAGE_BYTES, size));
}

function mimeDate(ms) {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

export function buildMessage(index, random, corpus) {
  const { lines, pool, pick } = corpus;
  const domain = DOMAINS[index % DOMAINS.length];
  const user = `user${String(Math.floor(random() * USERS_PER_DOMAIN)).padStart(2, '0')}`;
  const sender = `${pick(WORDS)}.${pick(WORDS)}@${pick(EXTERNAL)}`;
  const when = Date.UTC(2024, 0, 1) + Math.floor(random() * 150 * 86400) * 1000;
  const target = messageSize(random);
  const withAttachment = random() < ATTACHMENT_SHARE;
  const boundary = `----=_Part_${index}`;
  const head = [
    `Return-Path: ${sender}`,
    `Received: from mx.${sender.split('@')[1]} (mx.${sender.split('@')[1]} [192.0.2.${1 + (index % 250)}])`,
    `\tby mail.${domain} with ESMTP`,
    `\t; ${mimeDate(when + 2000)}`,
    `From: ${sender}`,
    `To: ${user}@${domain}`,
    `Subject: ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} #${index}`,
    `Date: ${mimeDate(when)}`,
    `Message-ID: <bench-${index}@${sender.split('@')[1]}>`,
    'MIME-Version: 1.0',
  ];
  const textBudget = withAttachment ? Math.max(600, Math.floor(target * 0.3)) : target;
  const text = [];
  let length = 0;
  while (length < textBudget) {
    const line = lines[Math.floor(random() * lines.length)];
    text.push(line);
    length += line.length + 2;
  }
  let message;
  if (withAttachment) {
    const rawBytes = Math.max(512, Math.floor(((target - textBudget) * 3) / 4));
    const offset = Math.floor(random() * (pool.length - rawBytes));
    const base64 = Buffer.from(pool.subarray(offset, offset + rawBytes)).toString('base64');
    message = [
      ...head,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      ...text,
      `--${boundary}`,
      `Content-Type: application/octet-stream; name="data-${index}.bin"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="data-${index}.bin"`,
      '',
      base64.replace(/.{76}/g, '$&\r\n'),
      `--${boundary}--`,
      '',
    ];
  } else {
    message = [...head, 'Content-Type: text/plain; charset=utf-8', '', ...text, ''];
  }
  const name = `${guid(random)}.eml`;
  return {
    path: `hMailServer/Data/${domain}/${user}/${name.slice(1, 3)}/${name}`,
    bytes: Buffer.from(message.join('\r\n')),
  };
}

/** The first `count` messages of the bench zip, in its order, without writing it (parse benchmarks, differential tests). */
export function* benchMessages(count) {
  const random = mulberry32(SEED);
  const corpus = createCorpus(random);
  for (let i = 0; i < count; i++) yield buildMessage(i, random, corpus);
}

export async function generateLargeEvidence({ count, out, force }) {
  const stampPath = `${out}.json`;
  if (!force && existsSync(out) && existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.version === GENERATOR_VERSION && stamp.count === count) return { out, ...stamp, reused: true };
  }
  rmSync(stampPath, { force: true });
  mkdirSync(dirname(out), { recursive: true });
  configure({ useWebWorkers: false });
  const started = Date.now();
  const random = mulberry32(SEED);
  const corpus = createCorpus(random);
  const writer = new ZipWriter(Writable.toWeb(createWriteStream(out)), { lastModDate: ZIP_DATE, level: 6 });
  let uncompressedBytes = 0;
  for (let i = 0; i < count; i++) {
    const { path, bytes } = buildMessage(i, random, corpus);
    uncompressedBytes += bytes.length;
    await writer.add(path, new Uint8ArrayReader(bytes));
    if ((i + 1) % 5000 === 0) process.stderr.write(`  ${i + 1}/${count} messages\n`);
  }
  await writer.close();
  const stamp = { version: GENERATOR_VERSION, count, uncompressedBytes, seconds: (Date.now() - started) / 1000 };
  writeFileSync(stampPath, JSON.stringify(stamp));
  return { out, ...stamp, reused: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await generateLargeEvidence(parseArgs(process.argv.slice(2)));
  const mb = (result.uncompressedBytes / 1e6).toFixed(1);
  process.stderr.write(
    `large evidence: ${result.count} messages, ${mb} MB uncompressed` +
      (result.reused ? ' (reused)\n' : ` in ${result.seconds.toFixed(1)} s\n`),
  );
  console.log(result.out);
}
