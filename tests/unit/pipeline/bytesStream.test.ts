import { describe, expect, it } from 'vitest';
import { bytesStream, STREAM_CHUNK_BYTES } from '../../../src/lib/pipeline/bytesStream.ts';

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) out.push(chunk);
  return out;
}

describe('bytesStream', () => {
  it('streams the bytes as views of at most STREAM_CHUNK_BYTES, without copying them', async () => {
    const bytes = new Uint8Array(STREAM_CHUNK_BYTES * 2 + 5).map((_, i) => i % 251);
    const chunks = await chunksOf(bytesStream(bytes));
    expect(chunks.map((c) => c.length)).toEqual([STREAM_CHUNK_BYTES, STREAM_CHUNK_BYTES, 5]);
    expect(chunks.every((c) => c.buffer === bytes.buffer)).toBe(true);
    expect(Buffer.concat(chunks).equals(Buffer.from(bytes))).toBe(true);
  });

  it('ends at once for no bytes', async () => {
    expect(await chunksOf(bytesStream(new Uint8Array(0)))).toEqual([]);
  });
});
