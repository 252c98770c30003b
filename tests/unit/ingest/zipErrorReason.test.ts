/** zip.js failures turned into sentences an examiner can act on, for the whole archive or one entry. */
import {
  ERR_AMBIGUOUS_ARCHIVE,
  ERR_EOCDR_NOT_FOUND,
  ERR_INVALID_COMPRESSED_DATA,
  ERR_INVALID_CRC32,
  ERR_INVALID_PASSWORD,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  ERR_SPLIT_ZIP_FILE,
  ERR_UNSUPPORTED_COMPRESSION,
} from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { zipErrorReason, type ZipEntryContext } from '../../../src/lib/ingest/zipErrorReason.ts';

const entry: ZipEntryContext = { filename: 'Data/example.com/alice/{A}.eml', compressionMethod: 8, uncompressedSize: 1234 };

describe('zipErrorReason', () => {
  it('explains an archive that will not open', () => {
    expect(zipErrorReason(new Error(ERR_EOCDR_NOT_FOUND))).toBe('ZIP central directory not found: file truncated or not a zip');
    expect(zipErrorReason(new Error(ERR_SPLIT_ZIP_FILE))).toBe('split (multi-volume) zip: join the parts into one archive first');
    expect(zipErrorReason(new Error(ERR_AMBIGUOUS_ARCHIVE))).toBe('ambiguous ZIP: several central directories reach the end of the file (possible tampering)');
  });

  it('names the entry whose content is damaged', () => {
    expect(zipErrorReason(new Error(ERR_INVALID_CRC32), entry)).toBe('CRC32 mismatch in entry Data/example.com/alice/{A}.eml: its content is damaged');
    expect(zipErrorReason(new Error(ERR_INVALID_COMPRESSED_DATA), entry)).toBe('corrupt compressed data in entry Data/example.com/alice/{A}.eml');
    expect(zipErrorReason(new Error(ERR_INVALID_UNCOMPRESSED_SIZE), entry)).toBe('entry Data/example.com/alice/{A}.eml inflates to more than the 1234 bytes the archive records');
  });

  it('reports the inflate error a CRC failure carries as its cause', () => {
    const error = new Error(ERR_INVALID_CRC32, { cause: new Error('incorrect header check') });
    expect(zipErrorReason(error, entry)).toBe('corrupt compressed data in entry Data/example.com/alice/{A}.eml (incorrect header check)');
  });

  it('names an unsupported compression method when it is a known one', () => {
    expect(zipErrorReason(new Error(ERR_UNSUPPORTED_COMPRESSION), { ...entry, compressionMethod: 14 })).toBe('unsupported compression method 14 (LZMA) in entry Data/example.com/alice/{A}.eml');
    expect(zipErrorReason(new Error(ERR_UNSUPPORTED_COMPRESSION), { ...entry, compressionMethod: 77 })).toBe('unsupported compression method 77 in entry Data/example.com/alice/{A}.eml');
  });

  it('says an encrypted entry was not read', () => {
    expect(zipErrorReason(new Error(ERR_INVALID_PASSWORD), entry)).toBe('entry Data/example.com/alice/{A}.eml is encrypted: no password, content not read');
  });

  it('takes an archive-level message for an entry as the archive reason', () => {
    expect(zipErrorReason(new Error(ERR_EOCDR_NOT_FOUND), entry)).toBe('ZIP central directory not found: file truncated or not a zip');
  });

  it('passes any other message on, for the archive or the entry', () => {
    expect(zipErrorReason(new Error('disk on fire'))).toBe('ZIP archive could not be read: disk on fire');
    expect(zipErrorReason('odd', entry)).toBe('entry Data/example.com/alice/{A}.eml could not be read: odd');
  });
});
