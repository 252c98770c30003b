/**
 * Re-readers of one inventory row's content, kept as long as the inventory, one per row. They are built
 * here, away from the scopes that hold an entry's content or zip.js's entry object, so a closure cannot
 * keep those alive.
 */
import type { FileEntry } from '@zip.js/zip.js';
import { openZipEntry, type ZipEntryRecord } from './openZipEntry.ts';
import { zipEntryStream } from './zipEntryStream.ts';
import type { ZipSource } from './zipSource.ts';

export type Opener = () => ReadableStream<Uint8Array>;

/** For a row whose content could not be read: every re-read errors with the row's reason. */
export const failingOpener =
  (reason: string): Opener =>
  () =>
    new ReadableStream({
      start(controller) {
        controller.error(new Error(reason));
      },
    });

/** An archive entry the small re-reader can inflate, from the archive's bytes for later re-reads. */
export const recordOpener =
  (later: () => Promise<ZipSource>, record: ZipEntryRecord): Opener =>
  () =>
    openZipEntry(later, record);

/** An archive entry only zip.js can inflate (Deflate64). */
export const zipJsOpener =
  (entry: FileEntry): Opener =>
  () =>
    zipEntryStream(entry);

/** A dropped file. */
export const blobOpener =
  (file: Blob): Opener =>
  () =>
    file.stream();
