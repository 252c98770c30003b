import { describe, expect, it } from 'vitest';
import { csvFields, hashSetLines } from '../../../src/lib/hashset/hashSetLines.ts';

const MD5 = '900150983cd24fb0d6963f7d28e17f72';
const SHA1 = 'a9993e364706816aba3e25717850c26c9cd0d89d';
const SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

function read(text: string) {
  const r = hashSetLines();
  const hashes = text.split('\n').flatMap((l) => r.line(l));
  return { hashes, format: r.format, count: r.hashes, skipped: r.skipped };
}

describe('hashSetLines', () => {
  it('reads a plain list: any of the three lengths, comments and blanks skipped, upper case lowered', () => {
    expect(read(`\uFEFF# bad stuff\n${MD5.toUpperCase()}\n\n${SHA1}  evil.exe\n${SHA256}\nnot a hash`)).toEqual({
      hashes: [{ algo: 'md5', hash: MD5 }, { algo: 'sha1', hash: SHA1 }, { algo: 'sha256', hash: SHA256 }],
      format: 'plain', count: 3, skipped: 1,
    });
  });

  it('reads a CSV by its hash column, wherever it is', () => {
    expect(read(`filename,"SHA256",note\n"a, b.exe",${SHA256},x\nc.exe,,missing`)).toEqual({
      hashes: [{ algo: 'sha256', hash: SHA256 }], format: 'csv', count: 1, skipped: 1,
    });
  });

  it('reads the NSRL RDS layout, taking both SHA-1 and MD5 of a row', () => {
    const nsrl = `"SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"\n` +
      `"${SHA1.toUpperCase()}","${MD5.toUpperCase()}","7E7F1E25","calc, ""old"".exe",1024,1234,"358",""`;
    expect(read(nsrl)).toEqual({ hashes: [{ algo: 'sha1', hash: SHA1 }, { algo: 'md5', hash: MD5 }], format: 'nsrl-rds', count: 2, skipped: 0 });
  });

  it('splits CSV fields with quotes and doubled quotes', () => {
    expect(csvFields('"a, b","say ""hi""",, c ')).toEqual(['a, b', 'say "hi"', '', 'c']);
  });
});
