/**
 * A byte-level zip writer for hostile fixtures: every field can be made to lie (sizes, offsets, ZIP64
 * values, duplicated or missing central records, an end record pointing anywhere), which no real zip
 * library lets a test do. Used by the unit tests and by hostileCorpus.mjs; never by the app.
 */
import { crc32, deflateRawSync } from 'node:zlib';

const u16 = (n) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** ZIP64 extra field holding both sizes; `value` replaces them (e.g. 2n ** 64n - 1n for a lying entry). */
export function zip64Extra(uncompressed, compressed) {
  return Buffer.concat([u16(1), u16(16), u64(uncompressed), u64(compressed)]);
}

/**
 * @param {{name: string, data: Uint8Array, method?: 0|8, extra?: Buffer, sizes32?: [number, number], flags?: number}[]} files
 * @param {{records?: (records: object[]) => object[], directoryOffsetDelta?: number, entriesInEnd?: number}} options
 * @returns {Buffer}
 */
export function buildZip(files, options = {}) {
  const parts = [];
  let records = [];
  let at = 0;
  for (const f of files) {
    const data = Buffer.from(f.data);
    const method = f.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(f.name, 'utf8');
    const extra = f.extra ?? Buffer.alloc(0);
    const [usize, csize] = f.sizes32 ?? [data.length, body.length];
    const crc = crc32(data);
    const flags = (f.flags ?? 0) | 0x800;
    const header = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x5821), u32(crc), u32(csize), u32(usize), u16(name.length), u16(extra.length), name, extra]);
    records.push({ name, extra, method, crc, csize, usize, offset: at, flags });
    parts.push(header, body);
    at += header.length + body.length;
  }
  if (options.records) records = options.records(records);
  const directoryStart = at;
  for (const r of records) {
    const rec = Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(r.flags), u16(r.method), u16(0), u16(0x5821), u32(r.crc), u32(r.csize), u32(r.usize),
      u16(r.name.length), u16(r.extra.length), u16(0), u16(0), u16(0), u32(0), u32(r.offset), r.name, r.extra,
    ]);
    parts.push(rec);
    at += rec.length;
  }
  const directorySize = at - directoryStart;
  const count = options.entriesInEnd ?? records.length;
  parts.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(Math.min(count, 0xffff)), u16(Math.min(count, 0xffff)), u32(directorySize), u32(directoryStart + (options.directoryOffsetDelta ?? 0)), u16(0)]));
  return Buffer.concat(parts);
}

export const MESSAGE_TEXT = (n, extraBody = '') =>
  `Return-Path: <alice@example.com>\r\nFrom: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: message ${n}\r\nMessage-ID: <m${n}@example.com>\r\nDate: Mon, 13 May 2024 09:00:00 +0000\r\n\r\nBody of message ${n}.${extraBody}\r\n`;

export const messagePath = (n) => `Data/example.com/alice/${String(n % 100).padStart(2, '0')}/{${String(n).padStart(8, '0')}-0000-4000-8000-000000000000}.eml`;
