/**
 * Lists a zip entry by entry from its central directory (zip.js) and hands each file entry to `visit`
 * while the next one is not yet built: zip.js entry objects weigh several KB each, so none is kept here.
 */
import { ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { zipErrorReason } from './zipErrorReason.ts';
import { ZIP_READER_OPTIONS } from './zipReadOptions.ts';
import { zipSourceReader, type ZipSource } from './zipSource.ts';

export interface ZipWalk {
  files: number;
  folders: number;
  /** Why listing stopped early (entries visited before it stay valid), or null. */
  error: string | null;
}

/**
 * @param onCount called once with the number of entries (files and folders) the archive records.
 * @throws whatever `visit` throws; problems of the archive itself come back in `error`.
 */
export async function walkZip(source: ZipSource, visit: (entry: FileEntry) => Promise<void>, onCount?: (entries: number) => void): Promise<ZipWalk> {
  const walk: ZipWalk = { files: 0, folders: 0, error: null };
  const entries = new ZipReader(zipSourceReader(source), ZIP_READER_OPTIONS).getEntriesGenerator({
    onprogress: (index: number, total: number) => {
      if (index === 1) onCount?.(total);
    },
  });
  try {
    for (;;) {
      let next: IteratorResult<Entry, boolean>;
      try {
        next = await entries.next();
      } catch (e) {
        walk.error = zipErrorReason(e);
        return walk;
      }
      if (next.done) return walk;
      if (next.value.directory) {
        walk.folders++;
        continue;
      }
      walk.files++;
      await visit(next.value);
    }
  } finally {
    await entries.return(false).catch(() => undefined);
  }
}
