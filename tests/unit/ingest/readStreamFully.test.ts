import { describe, expect, it, vi } from 'vitest';
import { readStreamFully } from '../../../src/lib/ingest/readStreamFully.ts';

/** A stream of these chunks that records whether it was cancelled. */
function chunks(...sizes: number[]) {
  const cancel = vi.fn();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === sizes.length) return controller.close();
      controller.enqueue(new Uint8Array(sizes[next]).fill(++next));
    },
    cancel,
  });
  return { stream, cancel };
}

describe('readStreamFully', () => {
  it('maxBytes: joins the chunks in order up to the bound, null and a cancelled stream past it', async () => {
    expect(await readStreamFully(chunks(2, 1, 3).stream, { maxBytes: 6 })).toEqual(Uint8Array.of(1, 1, 2, 3, 3, 3));
    expect(await readStreamFully(chunks().stream, { maxBytes: 0 })).toEqual(new Uint8Array());
    const over = chunks(4, 4, 4);
    expect(await readStreamFully(over.stream, { maxBytes: 7 })).toBeNull();
    expect(over.cancel).toHaveBeenCalledOnce();
  });

  it('exactBytes: the recorded size or an error naming what came instead', async () => {
    expect(await readStreamFully(chunks(1, 2).stream, { exactBytes: 3 })).toEqual(Uint8Array.of(1, 2, 2));
    await expect(readStreamFully(chunks(1, 1).stream, { exactBytes: 3 })).rejects.toThrow('stream of 2 bytes, expected 3');
    const long = chunks(2, 2);
    await expect(readStreamFully(long.stream, { exactBytes: 3 })).rejects.toThrow('stream longer than the expected 3 bytes');
    expect(long.cancel).toHaveBeenCalledOnce();
  });

  it("passes the stream's own error on", async () => {
    const broken = new ReadableStream<Uint8Array>({ pull: (c) => c.error(new Error('inflate failed')) });
    await expect(readStreamFully(broken, { maxBytes: 10 })).rejects.toThrow('inflate failed');
  });
});
