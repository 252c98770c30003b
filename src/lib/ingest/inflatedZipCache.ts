/**
 * Later re-reads of a compressed nested zip that was not kept: it is re-inflated on demand, and only the
 * most recent one is kept, because re-reads tend to come in runs from the same archive.
 */
import type { Opener } from './entryOpeners.ts';
import { readStreamFully } from './readStreamFully.ts';
import type { ZipSource } from './zipSource.ts';

export class InflatedZipCache {
  private inflated: { path: string; bytes: Promise<Uint8Array<ArrayBuffer>> } | null = null;

  /** The later source of the nested zip at `path`, of `size` bytes once inflated, read with `open`. */
  source(path: string, size: number, open: Opener): () => Promise<ZipSource> {
    return () => {
      if (this.inflated?.path !== path) this.inflated = { path, bytes: readStreamFully(open(), { exactBytes: size }) };
      const bytes = this.inflated.bytes;
      bytes.catch(() => {
        if (this.inflated?.bytes === bytes) this.inflated = null;
      });
      return bytes;
    };
  }
}
