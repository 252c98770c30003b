/**
 * Bytes already in memory as a stream, for the consumers that read entries only as streams. Views of the
 * bytes, at most STREAM_CHUNK_BYTES each, never copies: a `new Blob([bytes])` copies them into the
 * browser's blob store (through its IO thread), which cost about a millisecond a message in the parsers.
 */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

export function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + STREAM_CHUNK_BYTES) as Uint8Array<ArrayBuffer>);
      at += STREAM_CHUNK_BYTES;
    },
  });
}
