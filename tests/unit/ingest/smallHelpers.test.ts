/** The small helpers every intake path uses: hex of digests, slashes of paths, file times, cancellation, sliced reads. */
import { describe, expect, it } from 'vitest';
import { fileModified } from '../../../src/lib/ingest/fileModified.ts';
import { hexOf } from '../../../src/lib/ingest/hexOf.ts';
import { READ_SLICE_BYTES } from '../../../src/lib/ingest/limits.ts';
import { readBlobSlices } from '../../../src/lib/ingest/readBlobSlices.ts';
import { throwIfAborted } from '../../../src/lib/ingest/throwIfAborted.ts';
import { toSlashes } from '../../../src/lib/ingest/toSlashes.ts';

describe('hexOf', () => {
  it('spells each byte as two lower-case hex digits', () => {
    expect(hexOf(Uint8Array.of(0x00, 0x0f, 0xa0, 0xff))).toBe('000fa0ff');
    expect(hexOf(new Uint8Array(0))).toBe('');
  });
});

describe('toSlashes', () => {
  it('turns every backslash into a forward slash', () => {
    expect(toSlashes('Data\\example.com\\alice\\{A}.eml')).toBe('Data/example.com/alice/{A}.eml');
  });
});

describe('fileModified', () => {
  it("gives a File's modification time in ISO UTC and null for a bare Blob", () => {
    expect(fileModified(new File(['x'], 'a.eml', { lastModified: Date.UTC(2024, 4, 6, 10, 11, 12) }))).toBe('2024-05-06T10:11:12.000Z');
    expect(fileModified(new Blob(['x']))).toBeNull();
  });
});

describe('throwIfAborted', () => {
  it('throws an AbortError only once the signal is aborted', () => {
    const controller = new AbortController();
    expect(() => throwIfAborted(controller.signal)).not.toThrow();
    expect(() => throwIfAborted(undefined)).not.toThrow();
    controller.abort();
    expect(() => throwIfAborted(controller.signal)).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});

describe('readBlobSlices', () => {
  const blob = new Blob([new Uint8Array(READ_SLICE_BYTES + 10).fill(7)]);

  it('reads a Blob in slices of READ_SLICE_BYTES from the given offset', async () => {
    const sizes: number[] = [];
    for await (const slice of readBlobSlices(blob)) sizes.push(slice.length);
    expect(sizes).toEqual([READ_SLICE_BYTES, 10]);
    const from: number[] = [];
    for await (const slice of readBlobSlices(blob, undefined, 4)) from.push(slice.length);
    expect(from).toEqual([READ_SLICE_BYTES, 6]);
  });

  it('stops with an AbortError before the next slice once cancelled', async () => {
    const controller = new AbortController();
    const read = async () => {
      for await (const _slice of readBlobSlices(blob, controller.signal)) controller.abort();
    };
    await expect(read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});
