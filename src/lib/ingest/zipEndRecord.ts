/**
 * Checks a zip's end-of-central-directory record against the file it ends: zip.js quietly reconciles an
 * end record that points elsewhere (and reads on), so the lie itself has to be found here and reported as
 * damage. Only reads the tail of the archive.
 */
import { readZipSource, type ZipSource } from './zipSource.ts';

const EOCD_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const EOCD_BYTES = 22;
/** The end record is followed by a comment of at most 65,535 bytes. */
const TAIL_BYTES = EOCD_BYTES + 0xffff;
const MAX_32 = 0xffffffff;

export interface ZipEndRecord {
  /** Where the end record starts. */
  at: number;
  directoryOffset: number;
  directorySize: number;
  entries: number;
  /** True when the 32-bit fields defer to a ZIP64 record (then the offsets are not checked here). */
  zip64: boolean;
}

function lastIndexOfSignature(bytes: Uint8Array): number {
  for (let i = bytes.length - EOCD_BYTES; i >= 0; i--) {
    if (bytes[i] === EOCD_SIGNATURE[0] && bytes[i + 1] === EOCD_SIGNATURE[1] && bytes[i + 2] === EOCD_SIGNATURE[2] && bytes[i + 3] === EOCD_SIGNATURE[3]) return i;
  }
  return -1;
}

export async function readZipEndRecord(source: ZipSource): Promise<ZipEndRecord | null> {
  const size = source instanceof Uint8Array ? source.length : source.size;
  const start = Math.max(0, size - TAIL_BYTES);
  const tail = await readZipSource(source, start, size);
  const i = lastIndexOfSignature(tail);
  if (i < 0) return null;
  const view = new DataView(tail.buffer, tail.byteOffset + i, EOCD_BYTES);
  const entries = view.getUint16(10, true);
  const directorySize = view.getUint32(12, true);
  const directoryOffset = view.getUint32(16, true);
  return { at: start + i, directoryOffset, directorySize, entries, zip64: directoryOffset === MAX_32 || directorySize === MAX_32 || entries === 0xffff };
}

/** What is wrong with the end record, in words, or null when it agrees with the file. */
export function endRecordDamage(end: ZipEndRecord | null, size: number): string | null {
  if (end === null) return 'no end-of-central-directory record: the archive is truncated or not a zip';
  if (end.zip64) return null;
  const directoryEnd = end.directoryOffset + end.directorySize;
  if (directoryEnd > size) {
    return `the end record points ${directoryEnd - size} bytes past the end of the file (central directory at ${end.directoryOffset}, ${end.directorySize} bytes, in a ${size}-byte file): truncated or altered`;
  }
  if (directoryEnd > end.at) {
    return `the end record's central directory (${end.directoryOffset}+${end.directorySize}) overlaps the end record itself at ${end.at}: altered`;
  }
  return null;
}
