/**
 * Consumes one entry's content chunk by chunk, exactly once: hashes it, keeps its head for sniffing
 * and, when it is small enough, the whole content so the pipeline needs no second read.
 */
import { createHasher } from './createHasher.ts';
import { HEAD_BYTES, SNIFF_WINDOW_BYTES } from './limits.ts';

export interface CollectedEntry {
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  head: Uint8Array;
  /** The whole content, or null when the entry is above the keep limit. */
  bytes: Uint8Array<ArrayBuffer> | null;
  /** The first SNIFF_WINDOW_BYTES (all of it when kept whole), for a deeper look than `head`. */
  window: Uint8Array;
}

export interface EntryCollector {
  add(chunk: Uint8Array): void;
  /** Ends the collection; the collector must not be used afterwards. */
  finish(): CollectedEntry;
}

/**
 * @param expectedSize the size recorded for the entry; content is kept only when this is within `keepLimit`
 *   (the buffer is sized from it, so it is never trusted beyond that limit).
 */
export async function createEntryCollector(expectedSize: number, keepLimit: number): Promise<EntryCollector> {
  const hasher = await createHasher();
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let kept: Uint8Array<ArrayBuffer> | null = expectedSize <= keepLimit ? new Uint8Array(expectedSize) : null;
  // Only entries not kept whole need a window of their own, allocated on first use.
  let window: Uint8Array | null = null;
  let windowLength = 0;
  let size = 0;

  return {
    add(chunk) {
      hasher.update(chunk);
      if (headLength < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.length;
      }
      if (kept && size + chunk.length > kept.length) {
        // More content than recorded: what was kept so far becomes the start of the window.
        window = new Uint8Array(SNIFF_WINDOW_BYTES);
        windowLength = Math.min(size, SNIFF_WINDOW_BYTES);
        window.set(kept.subarray(0, windowLength));
        kept = null;
      }
      if (kept) kept.set(chunk, size);
      else if (size < SNIFF_WINDOW_BYTES) {
        window ??= new Uint8Array(SNIFF_WINDOW_BYTES);
        const take = chunk.subarray(0, SNIFF_WINDOW_BYTES - size);
        window.set(take, size);
        windowLength = size + take.length;
      }
      size += chunk.length;
    },
    finish() {
      const { md5, sha1, sha256 } = hasher.digest();
      const bytes = kept ? kept.subarray(0, size) : null;
      const sniffWindow = bytes ? bytes.subarray(0, SNIFF_WINDOW_BYTES) : window ? window.subarray(0, windowLength) : head.slice(0, headLength);
      return { size, md5, sha1, sha256, head: head.slice(0, headLength), bytes, window: sniffWindow };
    },
  };
}
