/**
 * What postal-mime is given: the message itself, or, when its header block is too large for
 * postal-mime's header budget, the fields we kept (each cut to MAX_FIELD_BYTES_KEPT) and the body.
 */
import { MAX_FIELD_BYTES_KEPT, type RawHeaderBlock } from './splitHeaders.ts';

/** Header blocks up to this size are passed through untouched. */
const PASS_THROUGH_HEADER_BYTES = 1024 * 1024;

export function postalInput(bytes: Uint8Array, block: RawHeaderBlock): Uint8Array {
  if (block.headerBytes <= PASS_THROUGH_HEADER_BYTES && block.droppedFields === 0 && block.truncatedFields === 0) return bytes;
  const pieces: Uint8Array[] = [];
  for (const f of block.fields) {
    const end = Math.min(f.end, f.start + MAX_FIELD_BYTES_KEPT);
    pieces.push(bytes.subarray(f.start, end));
    if (bytes[end - 1] !== 0x0a) pieces.push(Uint8Array.of(0x0d, 0x0a));
  }
  pieces.push(Uint8Array.of(0x0d, 0x0a), bytes.subarray(block.bodyOffset));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of pieces) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
