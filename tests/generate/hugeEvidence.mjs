/**
 * Generates a data-folder zip of several gigabytes (default 5 GiB) for issue 10's "a 5 GB zip completes":
 * messages of about 4 MB, each with a base64 attachment of pseudo-random bytes, stored (not deflated: the
 * bytes would not compress, and storing keeps generation at disk speed), so the zip needs ZIP64 offsets
 * and sizes past 4 GiB. Deterministic; streamed to disk entry by entry.
 * Usage: node tests/generate/hugeEvidence.mjs [--gib 5] [--out file.zip]. Prints the zip's path last.
 * Then: npm run bench -- --zip <that path>
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { configure, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { createCorpus } from './largeEvidence.mjs';
import { mulberry32 } from './mulberry32.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GENERATOR_VERSION = 1;
const SEED = 0x6b16e5;
/** Raw attachment bytes per message: under the corpus's 4 MiB random pool, about 4 MB once in base64. */
const ATTACHMENT_BYTES = 3 * 1024 * 1024;
const ZIP_DATE = new Date(Date.UTC(2024, 5, 4, 7, 30, 0));

function parseArgs(argv) {
  const args = { gib: 5, out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--gib') args.gib = Number(argv[++i]);
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(args.gib > 0)) throw new Error('--gib must be a positive number');
  args.out ??= resolve(REPO, 'tests', '.generated', `huge-evidence-v${GENERATOR_VERSION}-${args.gib}gib.zip`);
  return args;
}

function hugeMessage(index, random, corpus) {
  const offset = Math.floor(random() * (corpus.pool.length - ATTACHMENT_BYTES));
  const base64 = Buffer.from(corpus.pool.subarray(offset, offset + ATTACHMENT_BYTES)).toString('base64');
  const user = `user${String(index % 8).padStart(2, '0')}`;
  const date = new Date(Date.UTC(2024, 2, 1) + index * 3_600_000).toUTCString().replace('GMT', '+0000');
  const boundary = `----=_Huge_${index}`;
  const text = Array.from({ length: 40 }, () => corpus.pick(corpus.lines));
  const message = [
    'Return-Path: archive@partner.example',
    `Received: from mx.partner.example (mx.partner.example [192.0.2.${1 + (index % 250)}])`,
    '\tby mail.harbourline.example with ESMTP',
    `\t; ${date}`,
    'From: archive@partner.example',
    `To: ${user}@harbourline.example`,
    `Subject: scanned archive part ${index}`,
    `Date: ${date}`,
    `Message-ID: <huge-${index}@partner.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...text,
    `--${boundary}`,
    `Content-Type: application/octet-stream; name="scan-${index}.bin"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="scan-${index}.bin"`,
    '',
    base64.replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ];
  const name = `{${String(index).padStart(8, '0')}-0000-4000-8000-${String(index).padStart(12, '0')}}.eml`;
  return { path: `hMailServer/Data/harbourline.example/${user}/${name.slice(1, 3)}/${name}`, bytes: Buffer.from(message.join('\r\n')) };
}

export async function generateHugeEvidence({ gib, out }) {
  const stampPath = `${out}.json`;
  const target = Math.round(gib * 2 ** 30);
  if (existsSync(out) && existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.version === GENERATOR_VERSION && stamp.target === target) return { out, ...stamp, reused: true };
  }
  rmSync(stampPath, { force: true });
  mkdirSync(dirname(out), { recursive: true });
  configure({ useWebWorkers: false });
  const random = mulberry32(SEED);
  const corpus = createCorpus(random);
  const writer = new ZipWriter(Writable.toWeb(createWriteStream(out)), { lastModDate: ZIP_DATE, level: 0, zip64: true });
  let bytes = 0;
  let count = 0;
  while (bytes < target) {
    const m = hugeMessage(count++, random, corpus);
    bytes += m.bytes.length;
    await writer.add(m.path, new Uint8ArrayReader(m.bytes));
    if (count % 200 === 0) process.stderr.write(`  ${(bytes / 2 ** 30).toFixed(2)} GiB, ${count} messages\n`);
  }
  await writer.close();
  const stamp = { version: GENERATOR_VERSION, target, count, uncompressedBytes: bytes };
  writeFileSync(stampPath, JSON.stringify(stamp));
  return { out, ...stamp, reused: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await generateHugeEvidence(parseArgs(process.argv.slice(2)));
  process.stderr.write(`huge evidence: ${result.count} messages, ${(result.uncompressedBytes / 2 ** 30).toFixed(2)} GiB${result.reused ? ' (reused)' : ''}\n`);
  console.log(result.out);
}
