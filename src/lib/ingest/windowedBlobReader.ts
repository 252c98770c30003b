/**
 * zip.js Reader over a Blob (a dropped File) that serves small reads from one cached window: reading a
 * zip forwards then costs one Blob read per window instead of several per entry. Memory stays bounded
 * by READ_WINDOW_BYTES plus whatever single read zip.js asks for (its central directory).
 */
import { Reader } from '@zip.js/zip.js';
import { RANDOM_READ_BYTES, READ_WINDOW_BYTES } from './limits.ts';

export class WindowedBlobReader extends Reader<Blob> {
  readonly #blob: Blob;
  #window = new Uint8Array(0);
  #start = 0;

  constructor(blob: Blob) {
    super(blob);
    this.#blob = blob;
    this.size = blob.size;
  }

  override async readUint8Array(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(offset + length, this.size);
    if (end <= offset) return new Uint8Array(0);
    const windowEnd = this.#start + this.#window.length;
    if (offset >= this.#start && end <= windowEnd) return this.#window.slice(offset - this.#start, end - this.#start);
    const forward = offset >= this.#start && offset <= windowEnd + READ_WINDOW_BYTES;
    const want = Math.max(end - offset, forward ? READ_WINDOW_BYTES : RANDOM_READ_BYTES);
    const bytes = new Uint8Array(await this.#blob.slice(offset, Math.min(offset + want, this.size)).arrayBuffer());
    if (bytes.length > READ_WINDOW_BYTES) return bytes.subarray(0, end - offset);
    this.#window = bytes;
    this.#start = offset;
    return bytes.slice(0, end - offset);
  }
}
