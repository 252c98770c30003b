/**
 * Collects a stream into one buffer, bounded so a huge entry (or one that inflates past the size its archive
 * records) cannot exhaust memory: past the bound the stream is cancelled and reading stops one chunk late.
 */

/** `maxBytes`: any length up to the bound. `exactBytes`: a zip entry of recorded size, read into one allocation. */
export type StreamBound = { maxBytes: number } | { exactBytes: number };

/** @returns the bytes, or null when the stream holds more than `maxBytes` */
export function readStreamFully(stream: ReadableStream<Uint8Array>, bound: { maxBytes: number }): Promise<Uint8Array<ArrayBuffer> | null>;
/** @throws Error when the stream holds more or fewer bytes than `exactBytes`, or the stream's own error */
export function readStreamFully(stream: ReadableStream<Uint8Array>, bound: { exactBytes: number }): Promise<Uint8Array<ArrayBuffer>>;
export async function readStreamFully(stream: ReadableStream<Uint8Array>, bound: StreamBound): Promise<Uint8Array<ArrayBuffer> | null> {
  const exact = 'exactBytes' in bound;
  const limit = exact ? bound.exactBytes : bound.maxBytes;
  const out = exact ? new Uint8Array(limit) : null;
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      await reader.cancel();
      if (exact) throw new Error(`stream longer than the expected ${limit} bytes`);
      return null;
    }
    if (out) out.set(value, total);
    else parts.push(value);
    total += value.byteLength;
  }
  if (out) {
    if (total !== limit) throw new Error(`stream of ${total} bytes, expected ${limit}`);
    return out;
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
}
