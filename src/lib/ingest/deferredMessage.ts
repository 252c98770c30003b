/**
 * A message file that intake lists but does not read: the pipeline reads, hashes and parses it later in
 * the parser pool, so inflating, hashing and parsing run on every core instead of in the one intake worker.
 * Only files reachable by a plain byte range of a dropped file qualify (a dropped file, or a stored or
 * deflated entry of a dropped zip); messages inside nested archives are read by intake as before.
 */
import type { ZipEntryRecord } from './openZipEntry.ts';

export interface DeferredMessage {
  path: string;
  /** The dropped file the bytes are in. */
  source: Blob;
  /** The zip entry inside `source`; null when `source` is the message file itself. */
  record: ZipEntryRecord | null;
  container?: string;
  modified: string | null;
  /** Uncompressed size as recorded (the archive's claim, checked when read). */
  size: number;
}

/** Message files by name: content still decides, the reader re-classifies what it reads. */
export const MESSAGE_FILE_NAME = /\.(eml|hma)$/i;
