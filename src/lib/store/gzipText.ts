/**
 * findings.json is kept in the case database gzip-compressed: it lists every message, so at 100,000 messages
 * it is about 100 MB of text that compresses about twentyfold. The platform's own gzip (CompressionStream),
 * fed chunk by chunk.
 */
/** Chunks are batched to this many characters before they are encoded and written. */
const WRITE_CHARS = 256 * 1024;

/** gzip of the concatenation of `chunks`, compressed as they come: the whole text is never held. */
export async function gzipChunks(chunks: Iterable<string>): Promise<Uint8Array> {
  const stream = new CompressionStream('gzip');
  const compressed = new Response(stream.readable).arrayBuffer();
  const writer = stream.writable.getWriter();
  const encoder = new TextEncoder();
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= WRITE_CHARS) {
      await writer.write(encoder.encode(pending));
      pending = '';
    }
  }
  await writer.write(encoder.encode(pending));
  await writer.close();
  return new Uint8Array(await compressed);
}

export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
