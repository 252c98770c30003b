/**
 * What a parser worker does with a batch of deferred message files (DeferredMessage): one read of the byte
 * range that holds them, then per file inflate, CRC and size check, MD5 + SHA-256, classification, parse,
 * indicators and search tokens. Only the inventory row, the parsed message with its body cut to its
 * beginning, and the tokens go back: the bytes never leave the worker.
 */
import { createCRC32, type IHasher } from 'hash-wasm';
import { classifyEntry } from '../ingest/classifyEntry.ts';
import { contentRow } from '../ingest/contentRow.ts';
import { digestBytes } from '../ingest/digestBytes.ts';
import { inflateRawBounded, SYNC_INFLATE_MAX_BYTES } from '../ingest/inflateRawBounded.ts';
import { HEAD_BYTES, SNIFF_WINDOW_BYTES } from '../ingest/limits.ts';
import type { ZipEntryRecord } from '../ingest/openZipEntry.ts';
import { readStreamFully } from '../ingest/readStreamFully.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { ParsedMessage } from '../model/message.ts';
import { bytesStream } from './bytesStream.ts';
import { parseForRun } from './parseForRun.ts';

export interface MessageJobEntry {
  path: string;
  /** Offsets relative to the dropped file; null when the job's source is the message file itself. */
  record: ZipEntryRecord | null;
  container?: string;
  modified: string | null;
}

export interface MessageJob {
  /** The byte range of the dropped file that holds every entry of the job. */
  source: Blob;
  /** Where `source` starts in the dropped file. */
  offset: number;
  entries: MessageJobEntry[];
  dns: DnsSnapshot | null;
  /** Parse with postal-mime only (a slow reference run). */
  reference: boolean;
}

export interface MessageJobResult {
  row: InventoryEntry;
  /** Set when the file was parsed as a message; its text is cut to RETAINED_TEXT_CHARS. */
  message: ParsedMessage | null;
  tokens: string[] | null;
}

const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const DEFLATE = 8;

class EntryReadError extends Error {}

function entryData(buffer: Uint8Array, offset: number, record: ZipEntryRecord): Uint8Array {
  const at = record.offset - offset;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (at < 0 || at + LOCAL_HEADER_BYTES > buffer.length || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new EntryReadError(`local header of entry ${record.filename} not found at its recorded offset: archive truncated or damaged`);
  }
  const start = at + LOCAL_HEADER_BYTES + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + record.compressedSize > buffer.length) {
    throw new EntryReadError(`data of entry ${record.filename} lies beyond the end of the archive: file truncated`);
  }
  return buffer.subarray(start, start + record.compressedSize);
}

function inflateError(record: ZipEntryRecord, problem: 'longer' | 'shorter' | 'corrupt', detail: string): EntryReadError {
  if (problem === 'longer') return new EntryReadError(`entry ${record.filename} inflates to more than the ${record.uncompressedSize} bytes the archive records`);
  if (problem === 'shorter') return new EntryReadError(`entry ${record.filename} inflates to fewer than the ${record.uncompressedSize} bytes the archive records: damaged`);
  return new EntryReadError(`corrupt compressed data in entry ${record.filename} (${detail})`);
}

async function inflate(data: Uint8Array, record: ZipEntryRecord): Promise<Uint8Array> {
  if (record.compressionMethod === 0) {
    if (data.length !== record.uncompressedSize) {
      throw new EntryReadError(`entry ${record.filename} holds ${data.length} bytes, the archive records ${record.uncompressedSize}`);
    }
    return data;
  }
  if (record.compressionMethod === DEFLATE && data.length <= SYNC_INFLATE_MAX_BYTES) {
    const outcome = inflateRawBounded(data, record.uncompressedSize);
    if (!outcome.ok) throw inflateError(record, outcome.problem, outcome.detail);
    return outcome.bytes;
  }
  const stream = bytesStream(data).pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    // Reading stops one chunk past the recorded size: a lying size cannot make the worker inflate a bomb.
    return await readStreamFully(stream, { exactBytes: record.uncompressedSize });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.startsWith('stream longer')) throw inflateError(record, 'longer', '');
    if (message.startsWith('stream of')) throw inflateError(record, 'shorter', '');
    throw inflateError(record, 'corrupt', message);
  }
}

/** One CRC-32 instance per worker: instantiating hash-wasm's module for every entry cost more than the CRC. */
let crcInstance: Promise<IHasher> | null = null;

async function checkCrc(bytes: Uint8Array, record: ZipEntryRecord): Promise<void> {
  if (record.crc32 === null) return;
  crcInstance ??= createCRC32();
  const crc = await crcInstance;
  // init → update → digest without a pause: entries read concurrently cannot mix.
  crc.init();
  crc.update(bytes);
  if (Number.parseInt(crc.digest('hex'), 16) !== record.crc32) {
    throw new EntryReadError(`CRC32 mismatch in entry ${record.filename}: its content is damaged`);
  }
}

function errorRow(entry: MessageJobEntry, size: number, error: string): InventoryEntry {
  const { kind, format } = classifyEntry(entry.path, new Uint8Array(0), size);
  const extra = { ...(entry.container !== undefined ? { container: entry.container } : {}), modified: entry.modified };
  return { path: entry.path, kind, format, size, md5: '', sha256: '', status: 'error', error, ...extra };
}

async function readOne(buffer: Uint8Array, job: MessageJob, entry: MessageJobEntry): Promise<MessageJobResult> {
  let bytes: Uint8Array;
  try {
    bytes = entry.record ? await inflate(entryData(buffer, job.offset, entry.record), entry.record) : buffer;
    if (entry.record) await checkCrc(bytes, entry.record);
  } catch (err) {
    if (!(err instanceof EntryReadError)) throw err;
    return { row: errorRow(entry, entry.record?.uncompressedSize ?? buffer.length, err.message), message: null, tokens: null };
  }
  const hashes = await digestBytes(bytes);
  const extra = { ...(entry.container !== undefined ? { container: entry.container } : {}), modified: entry.modified };
  const row = contentRow(entry.path, { size: bytes.length, ...hashes, head: bytes.subarray(0, HEAD_BYTES), window: bytes.subarray(0, SNIFF_WINDOW_BYTES) }, extra);
  if (row.status !== 'ok' || (row.format !== 'eml' && row.format !== 'hma')) return { row, message: null, tokens: null };
  return { row, ...(await parseForRun(bytes, entry.path, hashes, job.dns, job.reference)) };
}

export async function readMessageJob(job: MessageJob): Promise<MessageJobResult[]> {
  const buffer = new Uint8Array(await job.source.arrayBuffer());
  const results: MessageJobResult[] = [];
  for (const entry of job.entries) results.push(await readOne(buffer, job, entry));
  return results;
}
