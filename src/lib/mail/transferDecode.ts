/**
 * A part's body bytes decoded as postal-mime's decoders leave them, read straight from a byte range of
 * the message instead of line by line through Blobs. postal-mime reads each line without its trailing
 * CR/LF run; the range here is whole lines, the last one unterminated only at the end of the file.
 */

const LF = 0x0a;
const CR = 0x0d;
const EQUALS = 0x3d;

/** End of the line's content: before the trailing CR/LF run. */
function contentEnd(bytes: Uint8Array, start: number, lineEnd: number): number {
  let e = lineEnd;
  while (e > start && (bytes[e - 1] === LF || bytes[e - 1] === CR)) e--;
  return e;
}

/**
 * 7bit, 8bit, binary and unknown encodings: every line followed by LF. CRs are dropped where they end a
 * line (a run before LF or at the end of the file) and kept inside one, copying the runs between them.
 */
export function passThroughBody(bytes: Uint8Array, start: number, end: number): Uint8Array {
  if (start >= end) return new Uint8Array(0);
  const range = bytes.subarray(start, end);
  const terminated = range[range.length - 1] === LF;
  if (terminated && range.indexOf(CR) < 0) return range;
  const out = new Uint8Array(range.length + 1);
  let o = 0;
  for (let pos = start; pos < end; ) {
    let cr = bytes.indexOf(CR, pos);
    if (cr < 0 || cr >= end) cr = end;
    out.set(bytes.subarray(pos, cr), o);
    o += cr - pos;
    let after = cr;
    while (after < end && bytes[after] === CR) after++;
    if (after < end && bytes[after] !== LF) {
      out.set(bytes.subarray(cr, after), o);
      o += after - cr;
    }
    pos = after;
  }
  if (!terminated) out[o++] = LF;
  return out.subarray(0, o);
}

/** Base64 alphabet → value; -2 for '=', which ends a unit; -1 for everything postal-mime strips. */
const BASE64 = new Int8Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (BASE64[c.charCodeAt(0)] = i));
BASE64[EQUALS] = -2;

/**
 * Foreign bytes are skipped; '=' closes a unit, and each unit is decoded on its own: a trailing group of
 * 2 or 3 characters gives 1 or 2 bytes, a lone character none (postal-mime's decodeBase64). Not model/base64.ts:
 * a body must decode whatever it holds, where a DKIM tag or log token with a foreign character is not Base64.
 */
export function base64Body(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.floor(((end - start) * 3) / 4) + 3);
  let o = 0;
  let acc = 0;
  let n = 0;
  for (let i = start; i < end; ) {
    // Whole groups of four clean characters first: the bulk of every line.
    if (n === 0 && i + 4 <= end) {
      const a = BASE64[bytes[i]];
      const b = BASE64[bytes[i + 1]];
      const c = BASE64[bytes[i + 2]];
      const d = BASE64[bytes[i + 3]];
      if ((a | b | c | d) >= 0) {
        out[o++] = (a << 2) | (b >> 4);
        out[o++] = ((b & 15) << 4) | (c >> 2);
        out[o++] = ((c & 3) << 6) | d;
        i += 4;
        continue;
      }
    }
    const v = BASE64[bytes[i++]];
    if (v >= 0) {
      acc = (acc << 6) | v;
      if (++n === 4) {
        out[o++] = acc >> 16;
        out[o++] = (acc >> 8) & 0xff;
        out[o++] = acc & 0xff;
        acc = 0;
        n = 0;
      }
    } else if (v === -2 && n > 0) {
      if (n === 2) out[o++] = acc >> 4;
      else if (n === 3) {
        out[o++] = acc >> 10;
        out[o++] = (acc >> 2) & 0xff;
      }
      acc = 0;
      n = 0;
    }
  }
  if (n === 2) out[o++] = acc >> 4;
  else if (n === 3) {
    out[o++] = acc >> 10;
    out[o++] = (acc >> 2) & 0xff;
  }
  return out.subarray(0, o);
}

function hexNibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Line by line: a final '=' is a soft break, a valid =XX a byte, anything else literal; hard breaks become LF. */
export function quotedPrintableBody(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start + 1);
  let o = 0;
  for (let pos = start; pos < end; ) {
    const lf = bytes.indexOf(LF, pos);
    const lineEnd = lf < 0 || lf >= end ? end : lf + 1;
    let len = contentEnd(bytes, pos, lineEnd) - pos;
    const softBreak = len > 0 && bytes[pos + len - 1] === EQUALS;
    if (softBreak) len--;
    for (let i = 0; i < len; i++) {
      const c = bytes[pos + i];
      if (c === EQUALS && i + 2 < len) {
        const high = hexNibble(bytes[pos + i + 1]);
        const low = hexNibble(bytes[pos + i + 2]);
        if (high >= 0 && low >= 0) {
          out[o++] = (high << 4) | low;
          i += 2;
          continue;
        }
      }
      out[o++] = c;
    }
    if (!softBreak) out[o++] = LF;
    pos = lineEnd;
  }
  return out.subarray(0, o);
}
