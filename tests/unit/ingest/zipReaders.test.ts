/** The windowed Blob reader (few File reads for many entries) and the small re-reader of stored/deflated entries. */
import { createHash } from 'node:crypto';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter, type FileEntry } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { ingestEvidence } from '../../../src/lib/ingest/ingestEvidence.ts';
import { READ_WINDOW_BYTES } from '../../../src/lib/ingest/limits.ts';
import { openZipEntry, zipEntryRecord } from '../../../src/lib/ingest/openZipEntry.ts';
import { walkZip } from '../../../src/lib/ingest/walkZip.ts';
import { WindowedBlobReader } from '../../../src/lib/ingest/windowedBlobReader.ts';

const text = (s: string) => new TextEncoder().encode(s);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const readAll = async (s: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(s).arrayBuffer());

/** A Blob that counts how often it is sliced (each slice is one read of the File in a browser). */
class CountingBlob extends Blob {
  slices = 0;
  override slice(start?: number, end?: number, contentType?: string): Blob {
    this.slices++;
    return super.slice(start, end, contentType);
  }
}

async function zipOf(count: number, level = 6): Promise<Uint8Array<ArrayBuffer>> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, level });
  for (let i = 0; i < count; i++) {
    await writer.add(`Data/{${String(i).padStart(8, '0')}-0000-0000-0000-000000000000}.eml`, new Uint8ArrayReader(text(`From: a@example.com\r\nSubject: ${i}\r\n\r\n${'body '.repeat(i % 50)}\r\n`)));
  }
  return writer.close();
}

async function entriesOf(source: Blob | Uint8Array<ArrayBuffer>): Promise<FileEntry[]> {
  const files: FileEntry[] = [];
  await walkZip(source, {
    entry: async (e) => {
      files.push(e);
    },
    recovered: async () => undefined,
  });
  return files;
}

describe('WindowedBlobReader', () => {
  it('reads 300 entries of a small zip with a handful of File reads', async () => {
    const blob = new CountingBlob([await zipOf(300)]);
    const result = await ingestEvidence([{ file: blob, path: 'many.zip' }], { onEntry: async () => {} });
    expect(result.inventory).toHaveLength(300);
    expect(result.inventory.every((r) => r.status === 'ok' && r.kind === 'message')).toBe(true);
    // Evidence hash: 1 slice; listing and all entries: a few windows; a per-entry reader would need 600+.
    expect(blob.slices).toBeLessThan(10);
  });

  it('returns exactly the requested bytes, also across window borders and past the end', async () => {
    const bytes = new Uint8Array(READ_WINDOW_BYTES * 2 + 100);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
    const reader = new WindowedBlobReader(new Blob([bytes]));
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(await reader.readUint8Array(10, 5)).toEqual(bytes.slice(10, 15));
    expect(await reader.readUint8Array(READ_WINDOW_BYTES - 3, 10)).toEqual(bytes.slice(READ_WINDOW_BYTES - 3, READ_WINDOW_BYTES + 7));
    expect(await reader.readUint8Array(bytes.length - 4, 100)).toEqual(bytes.slice(bytes.length - 4));
    expect(same(await reader.readUint8Array(0, READ_WINDOW_BYTES + 1), bytes.subarray(0, READ_WINDOW_BYTES + 1))).toBe(true);
    expect(same(await reader.readUint8Array(READ_WINDOW_BYTES + 50, 60), bytes.subarray(READ_WINDOW_BYTES + 50, READ_WINDOW_BYTES + 110))).toBe(true);
    expect(await reader.readUint8Array(bytes.length, 10)).toEqual(new Uint8Array(0));
  });
});

describe('openZipEntry', () => {
  it('re-reads stored and deflated entries from a File and from memory', async () => {
    for (const level of [0, 6]) {
      const zip = await zipOf(3, level);
      for (const source of [new Blob([zip]), zip]) {
        const [, second] = await entriesOf(source);
        const expected = new Uint8Array(await second.arrayBuffer());
        expect(await readAll(openZipEntry(source, zipEntryRecord(second)))).toEqual(expected);
        expect(await readAll(openZipEntry(async () => source, zipEntryRecord(second)))).toEqual(expected);
      }
    }
  });

  it('errors the stream when the re-read content does not match the recorded CRC-32 or size', async () => {
    const zip = await zipOf(2);
    const [first] = await entriesOf(zip);
    const record = zipEntryRecord(first);
    await expect(readAll(openZipEntry(zip, { ...record, crc32: (record.crc32! + 1) >>> 0 }))).rejects.toThrow(/CRC32 mismatch in entry .* on re-read/);
    await expect(readAll(openZipEntry(zip, { ...record, uncompressedSize: record.uncompressedSize + 1 }))).rejects.toThrow(/re-read as \d+ bytes/);
  });

  it('errors the stream when no local header is at the recorded offset', async () => {
    const zip = await zipOf(2);
    const [, second] = await entriesOf(zip);
    await expect(readAll(openZipEntry(zip, { ...zipEntryRecord(second), offset: 3 }))).rejects.toThrow(/local header of entry .* not found at offset 3/);
  });

  it('reads nothing until pulled', async () => {
    const blob = new CountingBlob([await zipOf(1)]);
    const [entry] = await entriesOf(blob);
    const before = blob.slices;
    const stream = openZipEntry(blob, zipEntryRecord(entry));
    expect(blob.slices).toBe(before);
    expect(sha256(await readAll(stream))).toBe(sha256(new Uint8Array(await entry.arrayBuffer())));
  });
});
