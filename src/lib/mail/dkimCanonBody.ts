/** RFC 6376 §3.4.3/§3.4.4 body canonicalisation on raw bytes (bare LF line ends are read as CRLF). */

const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HT = 0x09;

export function canonicalizeBody(body: Uint8Array, canon: 'simple' | 'relaxed'): Uint8Array {
  let lines = 0;
  for (let i = body.indexOf(LF); i >= 0; i = body.indexOf(LF, i + 1)) lines++;
  const out = new Uint8Array(body.length + lines + 2);
  let o = 0;
  let keep = 0;
  let pos = 0;
  while (pos < body.length) {
    const nl = body.indexOf(LF, pos);
    const next = nl < 0 ? body.length : nl + 1;
    let end = nl < 0 ? body.length : nl;
    if (nl >= 0 && end > pos && body[end - 1] === CR) end--;
    const lineStart = o;
    if (canon === 'simple') {
      out.set(body.subarray(pos, end), o);
      o += end - pos;
    } else {
      let pendingSpace = false;
      for (let i = pos; i < end; i++) {
        const c = body[i];
        if (c === SP || c === HT) {
          pendingSpace = true;
        } else {
          if (pendingSpace) out[o++] = SP;
          pendingSpace = false;
          out[o++] = c;
        }
      }
    }
    const nonEmpty = o > lineStart;
    out[o++] = CR;
    out[o++] = LF;
    if (nonEmpty) keep = o;
    pos = next;
  }
  if (keep === 0) return canon === 'simple' ? new Uint8Array([CR, LF]) : new Uint8Array(0);
  return out.subarray(0, keep);
}
