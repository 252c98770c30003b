/**
 * The Node floor of `npm run bench`: every entry of the evidence zip inflated (zlib, raw deflate) and
 * hashed with MD5 and SHA-256 (node:crypto), single-threaded, reading the zip in large windows so the
 * cost is the inflate and the hashes, not the file reads. Runs as its own process so its memory is
 * measured apart from the bench's.
 * Usage: node tests/bench/nodeFloor.mjs evidence.zip   → one JSON object on stdout.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { readZipDirectory } from './zipDirectory.mjs';

const WINDOW_BYTES = 16 * 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;

function main(path) {
  const started = performance.now();
  const entries = readZipDirectory(path).sort((a, b) => a.dataOffset - b.dataOffset);
  const counts = { entries: 0, unreadable: 0, bytes: 0 };
  const fd = openSync(path, 'r');
  try {
    let windowStart = 0;
    let window = Buffer.alloc(0);
    for (const entry of entries) {
      if (entry.method !== STORED && entry.method !== DEFLATED) {
        counts.unreadable++;
        continue;
      }
      const end = entry.dataOffset + entry.compressed;
      if (entry.dataOffset < windowStart || end > windowStart + window.length) {
        windowStart = entry.dataOffset;
        window = Buffer.alloc(Math.max(WINDOW_BYTES, entry.compressed));
        window = window.subarray(0, readSync(fd, window, 0, window.length, windowStart));
      }
      const data = window.subarray(entry.dataOffset - windowStart, end - windowStart);
      const raw = entry.method === DEFLATED ? inflateRawSync(data) : data;
      createHash('md5').update(raw).digest();
      createHash('sha256').update(raw).digest();
      counts.entries++;
      counts.bytes += raw.length;
    }
  } finally {
    closeSync(fd);
  }
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, ...counts }));
}

main(process.argv[2]);
