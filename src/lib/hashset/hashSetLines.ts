/**
 * Reads a hash set line by line, whatever its layout: a plain list (one hash per line, # comments), a CSV
 * with a hash column (md5, sha1, sha256, hash…; any column order), or the NSRL RDS CSV layout ("SHA-1",
 * "MD5", "CRC32", "FileName", …), where both the SHA-1 and the MD5 of a row are taken. Each hash is
 * lower-cased and named by its length (32 MD5, 40 SHA-1, 64 SHA-256); anything else on a line is ignored,
 * and lines that hold no hash are counted, not fatal. Line by line, so a multi-gigabyte NSRL set is never
 * held whole: the caller keeps only what matches the case.
 */

export type HashAlgo = 'md5' | 'sha1' | 'sha256';
export type HashSetFormat = 'plain' | 'csv' | 'nsrl-rds';

export interface HashSetLines {
  /** The hashes of one line (none for the header, comments, blank or unreadable lines). */
  line(text: string): { algo: HashAlgo; hash: string }[];
  readonly format: HashSetFormat | null;
  readonly hashes: number;
  /** Lines that are neither blank, comment, header nor a line with a hash. */
  readonly skipped: number;
}

const ALGO_OF_LENGTH: Record<number, HashAlgo> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const HEX = /^[0-9a-f]+$/i;
const HASH_COLUMN = /^(md5|sha-?1|sha-?256|hash|digest|hashvalue|hash[ _]value|md5[ _]hash|sha1[ _]hash|sha256[ _]hash)$/i;
/** Longest line read: an NSRL row is a few hundred characters; a line longer than this holds no hash set row. */
const MAX_LINE_CHARS = 64 * 1024;

/** The fields of one CSV line (RFC 4180 quoting, doubled quotes). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', i);
      i = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', i);
      field = line.slice(i, comma < 0 ? line.length : comma);
      i = comma < 0 ? line.length : comma;
    }
    out.push(field.trim());
    if (i >= line.length) return out;
    i++;
  }
}

function asHash(value: string): { algo: HashAlgo; hash: string } | null {
  const v = value.trim();
  const algo = ALGO_OF_LENGTH[v.length];
  return algo && HEX.test(v) ? { algo, hash: v.toLowerCase() } : null;
}

export function hashSetLines(): HashSetLines {
  let format: HashSetFormat | null = null;
  let columns: number[] = [];
  let hashes = 0;
  let skipped = 0;
  const found = (list: ({ algo: HashAlgo; hash: string } | null)[]) => {
    const kept = list.filter((h): h is { algo: HashAlgo; hash: string } => h !== null);
    if (kept.length === 0) skipped++;
    hashes += kept.length;
    return kept;
  };
  return {
    line(raw) {
      const text = (format === null ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (!text || text.startsWith('#') || text.length > MAX_LINE_CHARS) {
        if (text.length > MAX_LINE_CHARS) skipped++;
        return [];
      }
      if (format === null) {
        const header = text.includes(',') ? csvFields(text) : [];
        const named = header.map((h, i) => (HASH_COLUMN.test(h) ? i : -1)).filter((i) => i >= 0);
        if (named.length > 0) {
          format = header[0] === 'SHA-1' && header[1] === 'MD5' && header[2] === 'CRC32' ? 'nsrl-rds' : 'csv';
          columns = named;
          return [];
        }
        format = 'plain';
      }
      if (format === 'plain') return found([asHash(text.split(/[\s,;]/)[0])]);
      const fields = csvFields(text);
      return found(columns.map((c) => asHash(fields[c] ?? '')));
    },
    get format() {
      return format;
    },
    get hashes() {
      return hashes;
    },
    get skipped() {
      return skipped;
    },
  };
}
