/**
 * Where a zip's bytes live: a dropped File (read by random access) or, for a zip nested in a zip, its
 * inflated bytes in memory. A stored nested zip is a byte range of its parent, so it needs no copy.
 */
import { Uint8ArrayReader, type Reader } from '@zip.js/zip.js';
import { WindowedBlobReader } from './windowedBlobReader.ts';

export type ZipSource = Blob | Uint8Array<ArrayBuffer>;

export function zipSourceReader(source: ZipSource): Reader<unknown> {
  return source instanceof Uint8Array ? new Uint8ArrayReader(source) : new WindowedBlobReader(source);
}

export function sliceZipSource(source: ZipSource, start: number, end: number): ZipSource {
  return source instanceof Uint8Array ? source.subarray(start, end) : source.slice(start, end);
}

export async function readZipSource(source: ZipSource, start: number, end: number): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.slice(start, end);
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

/** Bytes handed out from an in-memory source are copies: a consumer may transfer (detach) them. */
const COPY_CHUNK_BYTES = 1024 * 1024;

export function zipSourceStream(source: ZipSource, start: number, end: number): ReadableStream<Uint8Array<ArrayBuffer>> {
  if (!(source instanceof Uint8Array)) return source.slice(start, end).stream();
  let at = start;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (at >= end) return controller.close();
      const next = Math.min(at + COPY_CHUNK_BYTES, end);
      controller.enqueue(source.slice(at, next));
      at = next;
    },
  });
}
