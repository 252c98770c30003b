/** Reads a Blob (a dropped File) front to back in bounded slices, checking for cancellation between them. */
import { READ_SLICE_BYTES } from './limits.ts';
import { throwIfAborted } from './throwIfAborted.ts';

/**
 * @param from offset to start at (the caller may already hold the first slice)
 * @throws DOMException AbortError when `signal` is aborted.
 */
export async function* readBlobSlices(blob: Blob, signal?: AbortSignal, from = 0): AsyncGenerator<Uint8Array> {
  for (let offset = from; offset < blob.size; offset += READ_SLICE_BYTES) {
    throwIfAborted(signal);
    yield new Uint8Array(await blob.slice(offset, offset + READ_SLICE_BYTES).arrayBuffer());
  }
}
