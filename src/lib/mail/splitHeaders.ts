/**
 * Splits a message (or a MIME part) into its header fields and body offset, on raw bytes, so that
 * DKIM can see each field exactly as written and a huge or broken header block never stops parsing.
 */
import { decodeText } from './decodeText.ts';

/** Header bytes turned into fields; the rest of an oversized block is skipped (memory and time). */
export const MAX_HEADER_BYTES_KEPT = 1024 * 1024;
/** Bytes of one field decoded into its value: one 5 MB field must not use up the whole budget. */
export const MAX_FIELD_BYTES_KEPT = 64 * 1024;
/** Fields kept per block; a block of a million tiny fields would otherwise flood every table. */
const MAX_HEADER_FIELDS = 5000;

export interface RawHeaderField {
  /** Field name as written (case kept). */
  name: string;
  /**
   * Unfolded value, decoded from UTF-8 (or Windows-1252 when not valid UTF-8), NULs as U+FFFD,
   * encoded words untouched; cut at MAX_FIELD_BYTES_KEPT.
   */
  value: string;
  /** Byte offset of the field's first byte. */
  start: number;
  /** Byte offset just past the field's final line break. */
  end: number;
}

export interface RawHeaderBlock {
  fields: RawHeaderField[];
  /** Offset of the first body byte (bytes.length when there is no body). */
  bodyOffset: number;
  /** Size of the header block in bytes, separator line included. */
  headerBytes: number;
  /** Whether a blank line ended the header block. */
  hasSeparator: boolean;
  /** Fields beyond the limits, counted but not kept. */
  droppedFields: number;
  /** Fields whose value was cut at MAX_FIELD_BYTES_KEPT. */
  truncatedFields: number;
  defects: string[];
}

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HT = 0x09;

function lineEnd(bytes: Uint8Array, from: number, limit: number): number {
  const i = bytes.indexOf(LF, from);
  return i < 0 || i >= limit ? limit : i + 1;
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  let len = end - start;
  if (len > 0 && bytes[end - 1] === LF) len--;
  if (len > 0 && bytes[start + len - 1] === CR) len--;
  return len === 0;
}

function validName(name: string): boolean {
  return name.length > 0 && /^[\x21-\x39\x3b-\x7e]+$/.test(name);
}

/** Parses the header block of `bytes[start, end)`. */
export function splitHeaders(bytes: Uint8Array, start = 0, end = bytes.length): RawHeaderBlock {
  const fields: RawHeaderField[] = [];
  const defects: string[] = [];
  let droppedFields = 0;
  let truncatedFields = 0;
  let keptBytes = 0;
  let badLines = 0;
  let orphanContinuations = 0;
  let pos = start;
  let current: { start: number; end: number } | null = null;
  let hasSeparator = false;

  const flush = () => {
    if (!current) return;
    const { start: s, end: e } = current;
    current = null;
    if (keptBytes >= MAX_HEADER_BYTES_KEPT || fields.length >= MAX_HEADER_FIELDS) {
      droppedFields++;
      return;
    }
    const take = Math.min(e - s, MAX_FIELD_BYTES_KEPT);
    if (take < e - s) truncatedFields++;
    keptBytes += take;
    const text = decodeText(bytes.subarray(s, s + take)).replace(/\0/g, '\ufffd');
    const colon = text.indexOf(':');
    const name = text.slice(0, colon).replace(/[ \t]+$/, '');
    const value = text
      .slice(colon + 1)
      .replace(/\r?\n(?=[ \t])/g, '')
      .replace(/\r?\n$/, '')
      .replace(/^[ \t]+|[ \t]+$/g, '');
    fields.push({ name, value, start: s, end: e });
  };

  while (pos < end) {
    const next = lineEnd(bytes, pos, end);
    if (isBlank(bytes, pos, next)) {
      flush();
      hasSeparator = true;
      pos = next;
      break;
    }
    const first = bytes[pos];
    if (first === SP || first === HT) {
      if (current) current.end = next;
      else orphanContinuations++;
    } else {
      flush();
      const probeEnd = Math.min(next, pos + 1000);
      const probe = decodeText(bytes.subarray(pos, probeEnd));
      const colon = probe.indexOf(':');
      const name = colon > 0 ? probe.slice(0, colon).replace(/[ \t]+$/, '') : '';
      if (colon > 0 && validName(name)) current = { start: pos, end: next };
      else badLines++;
    }
    pos = next;
  }
  if (!hasSeparator) flush();

  const headerBytes = pos - start;
  if (!hasSeparator && fields.length > 0) defects.push('no blank line ends the header block: the message has no body or is truncated');
  if (badLines > 0) defects.push(`${badLines} line(s) in the header block are not header fields and were skipped`);
  if (orphanContinuations > 0) defects.push(`${orphanContinuations} continuation line(s) before the first header field`);
  if (truncatedFields > 0) defects.push(`${truncatedFields} header field(s) longer than ${MAX_FIELD_BYTES_KEPT} bytes; only their start was kept`);
  if (droppedFields > 0) {
    defects.push(
      `header block is ${headerBytes} bytes: ${droppedFields} field(s) beyond the first ${MAX_HEADER_BYTES_KEPT} bytes / ${MAX_HEADER_FIELDS} fields were not kept`,
    );
  }
  return { fields, bodyOffset: pos, headerBytes, hasSeparator, droppedFields, truncatedFields, defects };
}
