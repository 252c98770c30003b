/**
 * How zip.js is used everywhere in ingest. Passed per call rather than through zip.js's global
 * `configure`, so other users of the library in the same realm keep their own settings.
 */
import type { EntryGetDataOptions, ZipReaderConstructorOptions } from '@zip.js/zip.js';

export const ZIP_READER_OPTIONS: ZipReaderConstructorOptions = {
  // Ingest already runs in a worker; zip.js's own blob workers would only duplicate it, and nested
  // worker creation is not available everywhere.
  useWebWorkers: false,
  // Names are listed, never extracted to disk, so `../x` or `C:/x` is evidence to show, not a threat.
  filenameValidation: 'tolerant',
};

export const ZIP_DATA_OPTIONS: EntryGetDataOptions = {
  useWebWorkers: false,
  // zip.js skips the check by default; a damaged entry must be reported, not hashed as if intact.
  checkCrc32: true,
};
