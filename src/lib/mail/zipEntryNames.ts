/**
 * Entry names of a zip read straight from its central directory (falling back to local headers when
 * the directory is missing or truncated). Synchronous and dependency-free so that type detection can
 * use it, and it still lists encrypted archives, which unpacking libraries refuse.
 */
import { decodeText } from './decodeText.ts';

export interface ZipListing {
  names: string[];
  /** false when the listing stopped at the limit or the archive is damaged. */
  complete: boolean;
  encrypted: boolean;
  /** How the names were found. */
  source: 'central-directory' | 'local-headers' | 'none';
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
/** EOCD sits within the last 22 + 65535 (max comment) bytes. */
const EOCD_SEARCH = 22 + 0xffff;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function nameOf(b: Uint8Array, start: number, len: number, flags: number): string {
  const raw = b.subarray(start, Math.min(b.length, start + len));
  return flags & 0x0800 ? new TextDecoder().decode(raw) : decodeText(raw);
}

function fromCentralDirectory(b: Uint8Array, max: number): ZipListing | null {
  const stop = Math.max(0, b.length - EOCD_SEARCH);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (u32(b, i) === EOCD_SIG) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const total = u16(b, eocd + 10);
  let pos = u32(b, eocd + 16);
  if (pos === 0xffffffff || pos >= b.length) return null;
  const names: string[] = [];
  let encrypted = false;
  for (let n = 0; n < total; n++) {
    if (pos + 46 > b.length || u32(b, pos) !== CEN_SIG) return { names, complete: false, encrypted, source: 'central-directory' };
    if (names.length >= max) return { names, complete: false, encrypted, source: 'central-directory' };
    const flags = u16(b, pos + 8);
    if (flags & 1) encrypted = true;
    const nameLen = u16(b, pos + 28);
    names.push(nameOf(b, pos + 46, nameLen, flags));
    pos += 46 + nameLen + u16(b, pos + 30) + u16(b, pos + 32);
  }
  return { names, complete: true, encrypted, source: 'central-directory' };
}

function fromLocalHeaders(b: Uint8Array, max: number): ZipListing {
  const names: string[] = [];
  let encrypted = false;
  for (let i = b.indexOf(0x50); i >= 0 && i + 30 <= b.length; i = b.indexOf(0x50, i + 1)) {
    if (u32(b, i) !== LOC_SIG) continue;
    if (names.length >= max) return { names, complete: false, encrypted, source: 'local-headers' };
    const flags = u16(b, i + 6);
    if (flags & 1) encrypted = true;
    const nameLen = u16(b, i + 26);
    names.push(nameOf(b, i + 30, nameLen, flags));
    i += 29 + nameLen;
  }
  return { names, complete: false, encrypted, source: names.length ? 'local-headers' : 'none' };
}

export function zipEntryNames(bytes: Uint8Array, max: number): ZipListing {
  return fromCentralDirectory(bytes, max) ?? fromLocalHeaders(bytes, max);
}
