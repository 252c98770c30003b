/**
 * Reads a zip's central directory (ZIP64-aware) without inflating anything: the bench needs each file
 * entry's name, sizes and where its compressed bytes start, to describe the evidence and to feed the
 * Node floor.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end-of-central-directory record with the longest possible comment. */
const MAX_TAIL_BYTES = 65_557;

function readAt(fd, position, length) {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** Sizes and offset that read 0xffffffff in the fixed header live in the ZIP64 extra field, in this order. */
function applyZip64Extra(cd, start, end, entry) {
  for (let e = start; e + 4 <= end; ) {
    const id = cd.readUInt16LE(e);
    const length = cd.readUInt16LE(e + 2);
    if (id === 0x0001) {
      let f = e + 4;
      if (entry.uncompressed === 0xffffffff) (entry.uncompressed = Number(cd.readBigUInt64LE(f))), (f += 8);
      if (entry.compressed === 0xffffffff) (entry.compressed = Number(cd.readBigUInt64LE(f))), (f += 8);
      if (entry.localOffset === 0xffffffff) entry.localOffset = Number(cd.readBigUInt64LE(f));
    }
    e += 4 + length;
  }
}

/**
 * @param {string} path
 * @returns {{ name: string, method: number, compressed: number, uncompressed: number, dataOffset: number }[]}
 *   file entries only (directories left out), in central-directory order
 */
export function readZipDirectory(path) {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const tailLength = Math.min(size, MAX_TAIL_BYTES);
    const tail = readAt(fd, size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(EOCD);
    if (eocd < 0) throw new Error(`${path}: not a zip (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const record = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error(`${path}: bad central directory at entry ${i}`);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const entry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        compressed: cd.readUInt32LE(p + 20),
        uncompressed: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      applyZip64Extra(cd, p + 46 + nameLength, p + 46 + nameLength + extraLength, entry);
      p += 46 + nameLength + extraLength + commentLength;
      if (entry.name.endsWith('/')) continue;
      const local = readAt(fd, entry.localOffset, 30);
      const dataOffset = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      entries.push({
        name: entry.name,
        method: entry.method,
        compressed: entry.compressed,
        uncompressed: entry.uncompressed,
        dataOffset,
      });
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}
