/**
 * Re-reads a stored or deflated zip entry from a few numbers kept per entry, instead of keeping zip.js's
 * entry object (several KB each) alive for every entry of a large archive. The local header gives where
 * the data starts; size and CRC-32 are checked again, so a re-read can never silently differ.
 */
import { createCRC32 } from 'hash-wasm';
import type { EntryMetaData } from '@zip.js/zip.js';
import { readZipSource, zipSourceStream, type ZipSource } from './zipSource.ts';

/** What re-reading one entry needs: about a hundred bytes instead of zip.js's entry object. */
export interface ZipEntryRecord {
  filename: string;
  /** Offset of the local file header. */
  offset: number;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  /** Null when the archive records none (then only the size is checked). */
  crc32: number | null;
}

/** Methods this reader inflates itself; entries with other methods keep their zip.js object. */
export const REREADABLE_METHODS = new Set([0, 8]);

const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;

export function zipEntryRecord(entry: EntryMetaData): ZipEntryRecord {
  const { filename, offset, compressedSize, uncompressedSize, compressionMethod, crc32 } = entry;
  return { filename, offset, compressedSize, uncompressedSize, compressionMethod, crc32: crc32 ?? null };
}

/** Offset of the entry's data: after the local header, whose name and extra field lengths may differ from the central directory's. */
export async function zipEntryDataStart(source: ZipSource, record: ZipEntryRecord): Promise<number> {
  const header = await readZipSource(source, record.offset, record.offset + LOCAL_HEADER_BYTES);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < LOCAL_HEADER_BYTES || view.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new Error(`local header of entry ${record.filename} not found at offset ${record.offset}`);
  }
  return record.offset + LOCAL_HEADER_BYTES + view.getUint16(26, true) + view.getUint16(28, true);
}

function checked(record: ZipEntryRecord): TransformStream<Uint8Array, Uint8Array> {
  const crc = createCRC32();
  let size = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      (await crc).update(chunk);
      size += chunk.length;
      controller.enqueue(chunk);
    },
    async flush() {
      if (size !== record.uncompressedSize) {
        throw new Error(`entry ${record.filename} re-read as ${size} bytes, the archive records ${record.uncompressedSize}`);
      }
      if (record.crc32 !== null && Number.parseInt((await crc).digest('hex'), 16) !== record.crc32) {
        throw new Error(`CRC32 mismatch in entry ${record.filename} on re-read`);
      }
    },
  });
}

async function entryData(source: ZipSource, record: ZipEntryRecord): Promise<ReadableStream<Uint8Array>> {
  if (!REREADABLE_METHODS.has(record.compressionMethod)) {
    throw new Error(`entry ${record.filename}: compression method ${record.compressionMethod} cannot be re-read`);
  }
  const start = await zipEntryDataStart(source, record);
  const raw = zipSourceStream(source, start, start + record.compressedSize);
  const data = record.compressionMethod === 8 ? raw.pipeThrough(new DecompressionStream('deflate-raw')) : raw;
  return data.pipeThrough(checked(record));
}

/**
 * Nothing is read until the stream is pulled. A damaged or changed archive errors the stream.
 * @param source the archive, or a function producing it when it has to be re-inflated first
 */
export function openZipEntry(source: ZipSource | (() => Promise<ZipSource>), record: ZipEntryRecord): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      reader ??= (await entryData(typeof source === 'function' ? await source() : source, record)).getReader();
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}
