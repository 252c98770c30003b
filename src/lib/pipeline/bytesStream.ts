/** Bytes already in memory as a stream, for the consumers that read entries only as streams. */
export function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
}
