/**
 * Lists a zip entry by entry from its central directory (zip.js) and hands each file entry to `visit`
 * while the next one is not yet built: zip.js entry objects weigh several KB each, so none is kept here.
 * The directory is not taken on trust: an end record that lies, entries that share data and entries the
 * directory does not list (damaged directory, concatenated archives) are found, recovered from their
 * local headers where possible, and described in `damage`.
 */
import { ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import { scanLocalHeaders, type RecoveredEntry } from './scanLocalHeaders.ts';
import { endRecordDamage, readZipEndRecord } from './zipEndRecord.ts';
import { zipErrorReason } from './zipErrorReason.ts';
import { ZipExtents } from './zipExtents.ts';
import { ZIP_READER_OPTIONS } from './zipReadOptions.ts';
import { zipSourceReader, type ZipSource } from './zipSource.ts';

export interface ZipWalk {
  files: number;
  folders: number;
  /** Why listing the central directory stopped early (entries visited before it stay valid), or null. */
  error: string | null;
  /** Entries found only by scanning local headers (included in `files`). */
  recovered: number;
  /** Entries whose data is shared with or inside another entry's (included in `files`). */
  overlapping: number;
  /** What is wrong with the archive's structure, in words; empty for a sound archive. */
  damage: string[];
}

export interface ZipVisitor {
  /** A file entry of the central directory; `overlaps` names the entry whose data it shares, if any. */
  entry(entry: FileEntry, overlaps: string | null): Promise<void>;
  /** A file entry found only by its local header. */
  recovered(entry: RecoveredEntry): Promise<void>;
  /** Called once with the number of entries the directory records; a returned reason stops the listing. */
  count?(entries: number): string | null;
}

const LOCAL_HEADER_BYTES = 30;

const sizeOf = (source: ZipSource) => (source instanceof Uint8Array ? source.length : source.size);

/** The inventory reason for an archive whose walk found damage, or null when it read cleanly. */
export function zipWalkProblem(walk: ZipWalk): string | null {
  const notes = [...walk.damage];
  if (walk.error !== null && !notes.includes(walk.error)) notes.unshift(walk.error);
  if (notes.length === 0) return null;
  if (walk.files === 0) return notes.join('; ');
  const recovered = walk.recovered > 0 ? `, ${walk.recovered} of them recovered from local headers` : '';
  return `${notes.join('; ')} (${walk.files} files were still listed${recovered})`;
}

/** @throws whatever the visitor throws; problems of the archive itself come back in the walk. */
export async function walkZip(source: ZipSource, visitor: ZipVisitor): Promise<ZipWalk> {
  const walk: ZipWalk = { files: 0, folders: 0, error: null, recovered: 0, overlapping: 0, damage: [] };
  const size = sizeOf(source);
  const end = await readZipEndRecord(source).catch(() => null);
  const endDamage = endRecordDamage(end, size);
  const extents = new ZipExtents();
  let stopped: string | null = null;
  const entries = new ZipReader(zipSourceReader(source), ZIP_READER_OPTIONS).getEntriesGenerator({
    onprogress: (index: number, total: number) => {
      if (index === 1) stopped = visitor.count?.(total) ?? null;
    },
  });
  try {
    for (;;) {
      let next: IteratorResult<Entry, boolean>;
      try {
        next = await entries.next();
      } catch (e) {
        walk.error = zipErrorReason(e);
        break;
      }
      if (next.done) break;
      if (stopped !== null) {
        walk.error = stopped;
        break;
      }
      if (next.value.directory) {
        walk.folders++;
        continue;
      }
      const entry = next.value;
      const start = entry.offset;
      const overlaps = extents.add(start, start + LOCAL_HEADER_BYTES + entry.rawFilename.length + entry.compressedSize, entry.filename);
      if (overlaps !== null) walk.overlapping++;
      walk.files++;
      await visitor.entry(entry, overlaps);
    }
  } finally {
    await entries.return(false).catch(() => undefined);
  }
  if (stopped !== null) return walk;

  if (endDamage && walk.error === null) walk.damage.push(endDamage);
  // What the directory did not list is searched only when there is a reason to: a full scan costs a pass over the file.
  const first = extents.firstStart;
  const scanTo = walk.error !== null || endDamage !== null ? size : (first ?? 0);
  if (scanTo > 0) {
    for await (const found of scanLocalHeaders(source, 0, scanTo, (offset) => extents.covers(offset))) {
      // An unreadable entry's sizes are not believed: it covers only its header, so what follows is still searched.
      const span = LOCAL_HEADER_BYTES + (found.problem === null ? found.compressedSize : 0);
      if (extents.add(found.offset, found.offset + span, found.filename) !== null) continue;
      if (found.filename.endsWith('/') && found.uncompressedSize === 0) {
        walk.folders++;
        continue;
      }
      walk.files++;
      walk.recovered++;
      await visitor.recovered(found);
    }
  }
  if (walk.recovered > 0) {
    walk.damage.push(
      `${walk.recovered} entr${walk.recovered === 1 ? 'y is' : 'ies are'} missing from the central directory and were recovered by scanning local headers (damaged directory, or several archives joined in one file)`,
    );
  }
  if (walk.overlapping > 0) {
    walk.damage.push(
      `${walk.overlapping} central-directory entr${walk.overlapping === 1 ? 'y shares' : 'ies share'} data with another entry (overlapping entries: tampering or a zip bomb); they are not read twice`,
    );
  }
  return walk;
}
