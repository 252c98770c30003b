/**
 * Names inside a zip attachment, bounded. jszip reads the archive; when it refuses one (encrypted,
 * damaged) the names are read from the zip's own directory, because those are what an examiner needs.
 */
import JSZip from 'jszip';
import { zipEntryNames } from './zipEntryNames.ts';

/** Names listed per archive: a zip bomb of a million empty entries must not flood the case. */
export const MAX_ARCHIVE_ENTRIES = 1000;
/** Archives larger than this are listed from their directory only, never handed to jszip. */
const MAX_JSZIP_BYTES = 64 * 1024 * 1024;

export interface ArchiveListing {
  names: string[];
  /** Why the listing is partial or came from the fallback, or null. */
  note: string | null;
}

export async function listArchiveEntries(bytes: Uint8Array): Promise<ArchiveListing> {
  if (bytes.length <= MAX_JSZIP_BYTES) {
    try {
      const zip = await JSZip.loadAsync(bytes);
      const names = Object.keys(zip.files);
      return names.length > MAX_ARCHIVE_ENTRIES
        ? { names: names.slice(0, MAX_ARCHIVE_ENTRIES), note: `archive has ${names.length} entries; first ${MAX_ARCHIVE_ENTRIES} listed` }
        : { names, note: null };
    } catch (err) {
      const listing = zipEntryNames(bytes, MAX_ARCHIVE_ENTRIES);
      const why = err instanceof Error ? err.message : String(err);
      return { names: listing.names, note: `jszip could not read the archive (${why}); names read from the zip directory` };
    }
  }
  const listing = zipEntryNames(bytes, MAX_ARCHIVE_ENTRIES);
  return { names: listing.names, note: `archive larger than ${MAX_JSZIP_BYTES} bytes; names read from the zip directory` };
}
