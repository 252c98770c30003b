/**
 * Generates the zip fixtures of the ingest tests into tests/.generated/ingest/: nested (deflated and
 * stored), deeply nested zips, a truncated and an empty zip inside a zip, an empty zip, a folders-only zip, damaged archives (truncated, CRC mismatch, corrupt deflate
 * data, unsupported method, encrypted entry), ZIP64 archives (zip.js `zip64: true`; Info-ZIP `zip -fz`
 * when installed) and a sparse ZIP64 archive whose second entry starts beyond 4 GiB.
 * Deterministic; reuses the folder when its stamp matches GENERATOR_VERSION.
 * Usage: node tests/generate/zipFixtures.mjs   (prints the output folder as its last line)
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = join(REPO, 'tests/.generated/ingest');
/** Bumped whenever an output changes, so stale fixtures are never reused. */
const GENERATOR_VERSION = 6;
const STAMP = join(OUT_DIR, `.stamp-v${GENERATOR_VERSION}`);
/** Local wall-clock time stored in the DOS date fields (zip.js writes Date objects in local time). */
const DOS_DATE = new Date(2024, 4, 13, 9, 0, 0);
const UTC_DATE = new Date(Date.UTC(2024, 4, 13, 7, 0, 0));
/** Start of the second entry of the sparse archive: just past 4 GiB, so its offset needs ZIP64. */
const BEYOND_4GIB_PADDING = 2 ** 32 + 64 * 1024;

const text = (s) => new TextEncoder().encode(s);

export const MESSAGE = text(
  [
    'Return-Path: <alice@example.com>',
    'Received: from client.example.net ([203.0.113.7]) by mail.example.com with ESMTP; Mon, 13 May 2024 09:00:00 +0200',
    'From: Alice <alice@example.com>',
    'To: bob@example.com',
    'Subject: fixture',
    'Date: Mon, 13 May 2024 09:00:00 +0200',
    'Message-ID: <fixture-1@example.com>',
    '',
    'Hello.',
    '',
  ].join('\r\n'),
);
export const LOG = text(
  '"SMTPD"\t4532\t154\t"2024-05-12 02:35:40.970"\t"10.10.14.78"\t"SENT: 220 mail.example.com ESMTP"\r\n' +
    '"SMTPD"\t4512\t154\t"2024-05-12 02:35:45.204"\t"10.10.14.78"\t"RECEIVED: HELO client"\r\n',
);
export const INI = text('[Directories]\r\nDataFolder=C:\\Program Files (x86)\\hMailServer\\Data\r\n[Database]\r\nType=MSSQLCE\r\n');

async function zip(entries, options = {}) {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, extendedTimestamp: false, lastModDate: DOS_DATE, ...options });
  for (const [name, bytes, entryOptions] of entries) {
    if (bytes === null) await writer.add(name, undefined, { directory: true, ...entryOptions });
    else await writer.add(name, new Uint8ArrayReader(bytes), entryOptions);
  }
  return writer.close();
}

function indexOf(haystack, needle, from = 0) {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).indexOf(Buffer.from(needle), from);
}

/** Sets the compression method of every local and central header to `method`. */
function patchMethod(bytes, method) {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint16(i + 8, method, true);
    else if (sig === 0x02014b50) view.setUint16(i + 10, method, true);
  }
  return out;
}

async function deepNesting(levels) {
  let inner = await zip([[`leaf${levels}.txt`, text(`level ${levels}\n`)]]);
  for (let level = levels - 1; level >= 1; level--) {
    inner = await zip([
      [`leaf${level}.txt`, text(`level ${level}\n`)],
      [`d${level + 1}.zip`, inner],
    ]);
  }
  return inner;
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
function u64(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

/**
 * A valid ZIP64 archive written field by field: a stored all-zero `padding.bin` of BEYOND_4GIB_PADDING
 * bytes (a hole in a sparse file, so nothing is written) followed by `after-4gib/message.eml`, whose
 * local header offset only fits the ZIP64 extra field. Layout per APPNOTE 6.3.x §4.3.
 */
function writeBeyond4GiB(path) {
  const dosTime = 9 << 11;
  const dosDate = ((2024 - 1980) << 9) | (5 << 5) | 13;
  const MAX32 = 0xffffffff;
  let paddingCrc = 0;
  const zeros = Buffer.alloc(64 * 1024 * 1024);
  for (let left = BEYOND_4GIB_PADDING; left > 0; left -= zeros.length) paddingCrc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), paddingCrc);

  const name1 = Buffer.from('padding.bin');
  const local1 = Buffer.concat([
    u32(0x04034b50), u16(45), u16(0), u16(0), u16(dosTime), u16(dosDate), u32(paddingCrc), u32(MAX32), u32(MAX32),
    u16(name1.length), u16(20), name1, u16(0x0001), u16(16), u64(BEYOND_4GIB_PADDING), u64(BEYOND_4GIB_PADDING),
  ]);
  const offset2 = local1.length + BEYOND_4GIB_PADDING;
  const name2 = Buffer.from('after-4gib/message.eml');
  const data2 = Buffer.from(MESSAGE);
  const crc2 = crc32(data2);
  const local2 = Buffer.concat([
    u32(0x04034b50), u16(45), u16(0), u16(0), u16(dosTime), u16(dosDate), u32(crc2), u32(data2.length), u32(data2.length),
    u16(name2.length), u16(0), name2,
  ]);
  const central1 = Buffer.concat([
    u32(0x02014b50), u16(45), u16(45), u16(0), u16(0), u16(dosTime), u16(dosDate), u32(paddingCrc), u32(MAX32), u32(MAX32),
    u16(name1.length), u16(28), u16(0), u16(0), u16(0), u32(0), u32(0), name1,
    u16(0x0001), u16(24), u64(BEYOND_4GIB_PADDING), u64(BEYOND_4GIB_PADDING), u64(0),
  ]);
  const central2 = Buffer.concat([
    u32(0x02014b50), u16(45), u16(45), u16(0), u16(0), u16(dosTime), u16(dosDate), u32(crc2), u32(data2.length), u32(data2.length),
    u16(name2.length), u16(12), u16(0), u16(0), u16(0), u32(0), u32(MAX32), name2,
    u16(0x0001), u16(8), u64(offset2),
  ]);
  const cdOffset = offset2 + local2.length + data2.length;
  const cd = Buffer.concat([central1, central2]);
  const eocd64Offset = cdOffset + cd.length;
  const tail = Buffer.concat([
    cd,
    u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(2), u64(2), u64(cd.length), u64(cdOffset),
    u32(0x07064b50), u32(0), u64(eocd64Offset), u32(1),
    u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(MAX32), u32(MAX32), u16(0),
  ]);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, local1, 0, local1.length, 0);
    writeSync(fd, Buffer.concat([local2, data2, tail]), 0, local2.length + data2.length + tail.length, offset2);
  } finally {
    closeSync(fd);
  }
}

function infoZip64(dir) {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
  } catch {
    return;
  }
  const src = join(dir, '.infozip-src');
  mkdirSync(join(src, 'Logs'), { recursive: true });
  writeFileSync(join(src, 'Logs', 'hmailserver_2024-05-12.log'), LOG);
  writeFileSync(join(src, 'message.eml'), MESSAGE);
  for (const p of ['Logs/hmailserver_2024-05-12.log', 'message.eml', 'Logs']) utimesSync(join(src, p), DOS_DATE, DOS_DATE);
  execFileSync('zip', ['-q', '-X', '-fz', '-r', join(dir, 'infozip-zip64.zip'), 'Logs', 'message.eml'], { cwd: src });
  rmSync(src, { recursive: true, force: true });
}

/** Test files run in parallel processes: one generates while the others wait for its stamp. */
const LOCK = `${OUT_DIR}.lock`;
/** A lock older than this was left by a crashed run. */
const STALE_LOCK_MS = 120_000;

async function withLock(work) {
  mkdirSync(dirname(OUT_DIR), { recursive: true });
  for (;;) {
    let fd;
    try {
      fd = openSync(LOCK, 'wx');
    } catch {
      if (existsSync(STAMP)) return;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { force: true });
      } catch {
        // The lock went away meanwhile: try again.
      }
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      if (!existsSync(STAMP)) await work();
      return;
    } finally {
      closeSync(fd);
      rmSync(LOCK, { force: true });
    }
  }
}

export async function generateZipFixtures() {
  if (!existsSync(STAMP)) await withLock(generate);
  return OUT_DIR;
}

async function generate() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const write = (name, bytes) => writeFileSync(join(OUT_DIR, name), bytes);

  const deeper = await zip([['db/readme.txt', text('not evidence\n')]]);
  const inner = await zip([
    ['Data/{6174D5B7-DE88-4D74-AF7A-2BC642DCB978}.eml', MESSAGE],
    ['Bin/hMailServer.ini', INI],
    ['deeper.zip', deeper],
  ]);
  const nested = await zip([
    ['Data/example.com/alice/26/{26539DB1-B1FD-4303-85A1-618D6EEE3EFE}.eml', MESSAGE],
    ['Logs/', null],
    ['Logs/hmailserver_2024-05-12.log', LOG],
    ['inner.zip', inner],
  ]);
  write('nested.zip', nested);
  write('nested-stored.zip', await zip([['evidence/inner.zip', inner], ['top.eml', MESSAGE]], { level: 0 }));
  write('deep-nesting.zip', await deepNesting(6));
  const truncated = nested.subarray(0, Math.floor(nested.length * 0.6));
  write('truncated.zip', truncated);
  const empty = await zip([]);
  write('empty.zip', empty);
  write('nested-odd.zip', await zip([['broken-inner.zip', truncated], ['empty-inner.zip', empty], ['ok.eml', MESSAGE]]));
  write('only-folders.zip', await zip([['Data/', null], ['Logs/', null]]));

  const stored = await zip(
    [
      ['first.eml', MESSAGE],
      ['second.log', LOG],
    ],
    { level: 0 },
  );
  const crc = stored.slice();
  crc[indexOf(crc, 'Hello.')] ^= 0x20;
  write('crc-mismatch.zip', crc);

  const deflated = await zip([
    ['broken.log', text(new TextDecoder().decode(LOG).repeat(200))],
    ['intact.eml', MESSAGE],
  ]);
  const corrupt = deflated.slice();
  const dataStart = 30 + 'broken.log'.length;
  corrupt.fill(0xff, dataStart + 8, dataStart + 40);
  write('corrupt-deflate.zip', corrupt);

  write('unsupported-method.zip', patchMethod(await zip([['legacy.eml', MESSAGE]], { level: 0 }), 12));
  write(
    'encrypted.zip',
    await zip([
      ['secret.eml', MESSAGE, { password: 'fixture' }],
      ['plain.ini', INI],
    ]),
  );
  write(
    'zip64.zip',
    await zip(
      [
        ['Data/{39ADD901-FC66-45EC-AB0C-60C207E57B2B}.eml', MESSAGE],
        ['Logs/hmailserver_2024-05-12.log', LOG],
      ],
      { zip64: true, extendedTimestamp: true, lastModDate: UTC_DATE },
    ),
  );
  infoZip64(OUT_DIR);
  writeBeyond4GiB(join(OUT_DIR, 'zip64-beyond-4gib.zip'));
  writeFileSync(STAMP, '');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await generateZipFixtures());
}
