/** Collects a stream of known size into one buffer (re-inflating a nested zip that left the cache). */

/** @throws the stream's error, or Error when it yields more or fewer bytes than `size`. */
export async function readStreamFully(stream: ReadableStream<Uint8Array>, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Uint8Array(size);
  let at = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) {
      await reader.cancel();
      throw new Error(`stream longer than the expected ${size} bytes`);
    }
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new Error(`stream of ${at} bytes, expected ${size}`);
  return out;
}
