/** The inventory's words for what was not analysed and why: skipped content, empty archives, and the coarse kind of each format. */
import { describe, expect, it } from 'vitest';
import { emptyArchiveReason } from '../../../src/lib/ingest/emptyArchiveReason.ts';
import { kindOfFormat } from '../../../src/lib/ingest/kindOfFormat.ts';
import { notAnalysedReason } from '../../../src/lib/ingest/notAnalysedReason.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('notAnalysedReason', () => {
  it('analyses every recognised format', () => {
    expect(notAnalysedReason('eml', bytes(0x4d, 0x5a, 0))).toBeNull();
    expect(notAnalysedReason('sqlite', new TextEncoder().encode('SQLite format 3\0'))).toBeNull();
  });

  it('skips an empty file', () => {
    expect(notAnalysedReason('empty', bytes())).toBe('empty file (0 bytes): nothing to analyse');
  });

  it('calls unknown content without NUL bytes text, and UTF-16LE text (FF FE) too', () => {
    expect(notAnalysedReason('unknown', new TextEncoder().encode('just some notes'))).toBe('text not recognised as hMailServer evidence: hashed, not analysed');
    expect(notAnalysedReason('unknown', bytes(0xff, 0xfe, 0x41, 0x00))).toBe('text not recognised as hMailServer evidence: hashed, not analysed');
  });

  it('names a known binary by its signature', () => {
    expect(notAnalysedReason('unknown', bytes(0x4d, 0x5a, 0x90, 0x00))).toBe('unrecognised binary content (Windows executable (MZ)): hashed, not analysed');
    expect(notAnalysedReason('unknown', bytes(0x25, 0x50, 0x44, 0x46, 0x00))).toBe('unrecognised binary content (PDF document): hashed, not analysed');
    expect(notAnalysedReason('unknown', bytes(0xd0, 0xcf, 0x11, 0xe0, 0x00))).toBe('unrecognised binary content (OLE compound file (legacy Office, MSI)): hashed, not analysed');
  });

  it('gives the first eight bytes of an unknown binary in upper-case hex', () => {
    expect(notAnalysedReason('unknown', bytes(0x00, 0x01, 0xab, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08))).toBe(
      'unrecognised binary content (starts with 00 01 AB 03 04 05 06 07): hashed, not analysed',
    );
  });
});

describe('emptyArchiveReason', () => {
  it('says how many folders an archive without files holds', () => {
    expect(emptyArchiveReason(0)).toBe('empty archive: no entries');
    expect(emptyArchiveReason(1)).toBe('empty archive: 1 folder(s) and no files');
    expect(emptyArchiveReason(3)).toBe('empty archive: 3 folder(s) and no files');
  });
});

describe('kindOfFormat', () => {
  it('maps each format to its findings.json inventory kind', () => {
    expect(kindOfFormat('hma')).toBe('message');
    expect(kindOfFormat('hmail-awstats-log')).toBe('log');
    expect(kindOfFormat('hmail-ini')).toBe('ini');
    expect(kindOfFormat('hmail-backup-xml')).toBe('database');
    expect(kindOfFormat('case-file')).toBe('database');
    expect(kindOfFormat('mssql-script')).toBe('dump');
    expect(kindOfFormat('7z')).toBe('archive');
    expect(kindOfFormat('dns-zone')).toBe('other');
  });
});
