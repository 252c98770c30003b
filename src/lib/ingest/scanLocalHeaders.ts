/**
 * Recovers zip entries from their local headers when the central directory cannot be trusted: it is
 * damaged, lies, or covers only the last of several concatenated archives. Each header is validated
 * before it is believed; sizes come from the header, its ZIP64 extra field or, for streamed entries,
 * the data descriptor that follows the data.
 */
import type { ZipEntryRecord } from './openZipEntry.ts';
import { readZipSource, type ZipSource } from './zipSource.ts';

export interface RecoveredEntry extends ZipEntryRecord {
  encrypted: boolean;
  /** Why the entry cannot be read, or null. */
  problem: string | null;
}

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const HEADER_BYTES = 30;
const MAX_32 = 0xffffffff;
/** Scanned in windows of this size; a header straddling two windows is re-read from its own offset. */
const WINDOW_BYTES = 4 * 1024 * 1024;
/** A name longer than this is not a real file name: the signature is a coincidence inside data. */
const MAX_NAME_BYTES = 4096;
/** How far past a streamed entry's data start its descriptor is searched for. */
const MAX_DESCRIPTOR_SEARCH_BYTES = 256 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8');
const CP437ISH = new TextDecoder('latin1');

function zip64Sizes(extra: Uint8Array, needUncompressed: boolean, needCompressed: boolean): { uncompressed?: number; compressed?: number } {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const out: { uncompressed?: number; compressed?: number } = {};
      let p = at + 4;
      if (needUncompressed && p + 8 <= at + 4 + length) {
        out.uncompressed = Number(view.getBigUint64(p, true));
        p += 8;
      }
      if (needCompressed && p + 8 <= at + 4 + length) out.compressed = Number(view.getBigUint64(p, true));
      return out;
    }
    at += 4 + length;
  }
  return {};
}

async function findDescriptor(source: ZipSource, dataStart: number, size: number): Promise<{ crc32: number; compressed: number; uncompressed: number } | null> {
  const limit = Math.min(size, dataStart + MAX_DESCRIPTOR_SEARCH_BYTES);
  for (let at = dataStart; at < limit; at += WINDOW_BYTES - 24) {
    const window = await readZipSource(source, at, Math.min(limit, at + WINDOW_BYTES));
    const view = new DataView(window.buffer, window.byteOffset, window.byteLength);
    for (let i = window.indexOf(0x50); i >= 0 && i + 16 <= window.length; i = window.indexOf(0x50, i + 1)) {
      if (view.getUint32(i, true) !== DESCRIPTOR_SIGNATURE) continue;
      const distance = at + i - dataStart;
      if (view.getUint32(i + 8, true) === distance) return { crc32: view.getUint32(i + 4, true), compressed: distance, uncompressed: view.getUint32(i + 12, true) };
      if (i + 24 <= window.length && Number(view.getBigUint64(i + 8, true)) === distance) {
        return { crc32: view.getUint32(i + 4, true), compressed: distance, uncompressed: Number(view.getBigUint64(i + 16, true)) };
      }
    }
    if (window.length < WINDOW_BYTES) break;
  }
  return null;
}

/** The entry whose local header is at `offset`, or null when the bytes there are not a plausible header. */
async function readLocalHeader(source: ZipSource, offset: number, size: number): Promise<RecoveredEntry | null> {
  const fixed = await readZipSource(source, offset, offset + HEADER_BYTES);
  if (fixed.length < HEADER_BYTES) return null;
  const view = new DataView(fixed.buffer, fixed.byteOffset, fixed.byteLength);
  if (view.getUint32(0, true) !== LOCAL_SIGNATURE) return null;
  const flags = view.getUint16(6, true);
  const compressionMethod = view.getUint16(8, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (nameLength === 0 || nameLength > MAX_NAME_BYTES) return null;
  const dataStart = offset + HEADER_BYTES + nameLength + extraLength;
  if (dataStart > size) return null;
  const variable = await readZipSource(source, offset + HEADER_BYTES, dataStart);
  const rawName = variable.subarray(0, nameLength);
  const filename = (flags & 0x800 ? UTF8 : CP437ISH).decode(rawName);
  let crc32: number | null = view.getUint32(14, true);
  let compressedSize = view.getUint32(18, true);
  let uncompressedSize = view.getUint32(22, true);
  const entry = (problem: string | null): RecoveredEntry => ({
    filename,
    offset,
    compressedSize,
    uncompressedSize,
    compressionMethod,
    crc32,
    encrypted: (flags & 1) !== 0,
    problem,
  });
  if (compressedSize === MAX_32 || uncompressedSize === MAX_32) {
    const z = zip64Sizes(variable.subarray(nameLength), uncompressedSize === MAX_32, compressedSize === MAX_32);
    if (z.uncompressed !== undefined) uncompressedSize = z.uncompressed;
    if (z.compressed !== undefined) compressedSize = z.compressed;
  }
  if (!Number.isSafeInteger(compressedSize) || !Number.isSafeInteger(uncompressedSize)) {
    return entry(`entry ${filename} declares an impossible size in its ZIP64 field (beyond 2^53 bytes): only this entry is lost`);
  }
  if (flags & 0x8) {
    const descriptor = await findDescriptor(source, dataStart, size);
    if (!descriptor) return entry(`entry ${filename} keeps its sizes in a data descriptor that was not found: not read`);
    ({ crc32, compressed: compressedSize, uncompressed: uncompressedSize } = descriptor);
  }
  if (dataStart + compressedSize > size) return entry(`data of entry ${filename} runs past the end of the archive: truncated`);
  if (flags & 1) return entry(`entry ${filename} is encrypted: no password, content not read`);
  if (compressionMethod !== 0 && compressionMethod !== 8) return entry(`entry ${filename} uses compression method ${compressionMethod}, which recovery cannot read`);
  return entry(null);
}

/**
 * Every plausible local header in [from, to), in file order. `skip(offset)` says which offsets are
 * already accounted for (listed by the central directory, or inside such an entry's data).
 */
export async function* scanLocalHeaders(source: ZipSource, from: number, to: number, skip: (offset: number) => boolean): AsyncGenerator<RecoveredEntry> {
  const size = source instanceof Uint8Array ? source.length : source.size;
  let resumeAt = from;
  for (let at = from; at < to; at += WINDOW_BYTES) {
    const window = await readZipSource(source, at, Math.min(to, at + WINDOW_BYTES) + 3);
    for (let i = window.indexOf(0x50); i >= 0 && i + 4 <= window.length; i = window.indexOf(0x50, i + 1)) {
      const offset = at + i;
      if (offset >= to) break;
      if (offset < resumeAt || window[i + 1] !== 0x4b || window[i + 2] !== 0x03 || window[i + 3] !== 0x04 || skip(offset)) continue;
      const entry = await readLocalHeader(source, offset, size);
      if (!entry) continue;
      yield entry;
      // Data of a readable entry is not searched for headers: a stored zip inside would be listed twice.
      if (entry.problem === null) resumeAt = offset + HEADER_BYTES + entry.compressedSize;
    }
  }
}
