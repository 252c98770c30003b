/** Turns a zip.js failure into a sentence an examiner can act on (zip.js errors are matched by message). */
import {
  ERR_BAD_FORMAT,
  ERR_CENTRAL_DIRECTORY_NOT_FOUND,
  ERR_ENCRYPTED,
  ERR_ENCRYPTED_CENTRAL_DIRECTORY,
  ERR_ENTRY_DATA_OUT_OF_BOUNDS,
  ERR_EOCDR_LOCATOR_ZIP64_NOT_FOUND,
  ERR_EOCDR_NOT_FOUND,
  ERR_EXTRAFIELD_ZIP64_NOT_FOUND,
  ERR_INVALID_COMPRESSED_DATA,
  ERR_INVALID_CRC32,
  ERR_INVALID_PASSWORD,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  ERR_LOCAL_FILE_HEADER_NOT_FOUND,
  ERR_SPLIT_ZIP_FILE,
  ERR_UNSUPPORTED_COMPRESSION,
  ERR_UNSUPPORTED_ENCRYPTION,
  ERR_UNSUPPORTED_UINT64,
  ERR_AMBIGUOUS_ARCHIVE,
} from '@zip.js/zip.js';

/** The entry being read, when the failure is about one entry rather than the whole archive. */
export interface ZipEntryContext {
  filename: string;
  compressionMethod: number;
  uncompressedSize: number;
}

const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'BZIP2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
  99: 'AES-encrypted',
};

const ARCHIVE_REASONS: [string, string][] = [
  [ERR_EOCDR_NOT_FOUND, 'ZIP central directory not found: file truncated or not a zip'],
  [ERR_CENTRAL_DIRECTORY_NOT_FOUND, 'ZIP central directory not found where the archive says it is: file truncated or damaged'],
  [ERR_BAD_FORMAT, 'ZIP central directory damaged: file truncated or not a zip'],
  [ERR_EOCDR_LOCATOR_ZIP64_NOT_FOUND, 'ZIP64 end of central directory not found: file truncated or damaged'],
  [ERR_SPLIT_ZIP_FILE, 'split (multi-volume) zip: join the parts into one archive first'],
  [ERR_ENCRYPTED_CENTRAL_DIRECTORY, 'the ZIP central directory is encrypted: entries cannot be listed'],
  [ERR_AMBIGUOUS_ARCHIVE, 'ambiguous ZIP: several central directories reach the end of the file (possible tampering)'],
  [ERR_UNSUPPORTED_UINT64, 'ZIP64 size or offset beyond 2^53 bytes: not a plausible archive'],
];

function entryReason(message: string, cause: string | null, entry: ZipEntryContext): string | null {
  const name = entry.filename;
  switch (message) {
    case ERR_INVALID_CRC32:
    case ERR_INVALID_COMPRESSED_DATA:
      // With the native DecompressionStream, zip.js reports an inflate failure as a CRC error whose cause is the inflate error.
      if (cause) return `corrupt compressed data in entry ${name} (${cause})`;
      return message === ERR_INVALID_CRC32
        ? `CRC32 mismatch in entry ${name}: its content is damaged`
        : `corrupt compressed data in entry ${name}`;
    case ERR_INVALID_UNCOMPRESSED_SIZE:
      return `entry ${name} inflates to more than the ${entry.uncompressedSize} bytes the archive records`;
    case ERR_LOCAL_FILE_HEADER_NOT_FOUND:
      return `local header of entry ${name} not found at its recorded offset: archive truncated or damaged`;
    case ERR_ENTRY_DATA_OUT_OF_BOUNDS:
      return `data of entry ${name} lies beyond the end of the archive: file truncated`;
    case ERR_EXTRAFIELD_ZIP64_NOT_FOUND:
      return `entry ${name} needs a ZIP64 extra field that is missing: archive damaged`;
    case ERR_UNSUPPORTED_COMPRESSION: {
      const method = METHOD_NAMES[entry.compressionMethod];
      return `unsupported compression method ${entry.compressionMethod}${method ? ` (${method})` : ''} in entry ${name}`;
    }
    case ERR_ENCRYPTED:
    case ERR_UNSUPPORTED_ENCRYPTION:
    case ERR_INVALID_PASSWORD:
      return `entry ${name} is encrypted: no password, content not read`;
    default:
      return null;
  }
}

/** @param entry the entry being read, or undefined when the archive itself failed to open. */
export function zipErrorReason(error: unknown, entry?: ZipEntryContext): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  const known = (entry && entryReason(message, cause, entry)) ?? ARCHIVE_REASONS.find(([m]) => m === message)?.[1];
  if (known) return known;
  return entry ? `entry ${entry.filename} could not be read: ${message}` : `ZIP archive could not be read: ${message}`;
}
