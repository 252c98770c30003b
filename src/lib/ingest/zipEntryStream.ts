/** Re-reads one zip entry, decompressed, as a stream: for big entries and for later on-demand views. */
import type { FileEntry } from '@zip.js/zip.js';
import { ZIP_DATA_OPTIONS } from './zipReadOptions.ts';

/** Read errors (CRC, truncation) surface as an error of the returned stream, never as a rejection elsewhere. */
export function zipEntryStream(entry: FileEntry): ReadableStream<Uint8Array> {
  let controller!: TransformStreamDefaultController<Uint8Array>;
  const pipe = new TransformStream<Uint8Array, Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  entry.getData(pipe.writable, ZIP_DATA_OPTIONS).catch((e: unknown) => {
    try {
      controller.error(e);
    } catch {
      // Already errored or closed: the reader cancelled, nothing left to tell.
    }
  });
  return pipe.readable;
}
