/** The parser pool's reading of deferred message files: hashes, rows, parse, and damage as error rows. */
import { BlobReader, ZipReader, type FileEntry } from '@zip.js/zip.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipEntryRecord } from '../../../src/lib/ingest/openZipEntry.ts';
import { sha256Hex } from '../../../src/lib/ingest/digestBytes.ts';
import { readMessageJob, type MessageJob } from '../../../src/lib/pipeline/readMessageJob.ts';

const MESSAGE = 'From: a@example.org\r\nTo: b@example.net\r\nSubject: quarterly invoice\r\nMessage-ID: <x@example.org>\r\n\r\nPlease pay 192.0.2.7 today.\r\n';

async function zipWith(files: Record<string, string>, compression: 'STORE' | 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression });
}

async function jobOf(bytes: Uint8Array): Promise<MessageJob> {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const entries = (await new ZipReader(new BlobReader(source)).getEntries()).filter((e): e is FileEntry => !e.directory);
  return {
    source,
    offset: 0,
    entries: entries.map((e) => ({ path: e.filename, record: zipEntryRecord(e), container: 'case.zip', modified: null })),
    dns: null,
    reference: false,
  };
}

describe('readMessageJob', () => {
  for (const compression of ['STORE', 'DEFLATE'] as const) {
    it(`reads, hashes and parses every message of a ${compression} job, with its search tokens`, async () => {
      const job = await jobOf(await zipWith({ 'Data/a/1.eml': MESSAGE, 'Data/a/2.eml': MESSAGE.replace('quarterly', 'yearly') }, compression));
      const results = await readMessageJob(job);
      expect(results.map((r) => r.row.status)).toEqual(['ok', 'ok']);
      expect(results[0].row.sha256).toBe(await sha256Hex(new TextEncoder().encode(MESSAGE)));
      expect(results[0].row).toMatchObject({ kind: 'message', format: 'eml', container: 'case.zip', size: MESSAGE.length });
      expect(results[0].message?.subject).toBe('quarterly invoice');
      expect(results[1].message?.subject).toBe('yearly invoice');
      expect(results[0].tokens).toEqual(expect.arrayContaining(['quarterly', '192.0.2.7', 'a@example.org']));
    });
  }

  it('turns a damaged entry into an error row and still reads the others', async () => {
    const bytes = await zipWith({ 'Data/a/1.eml': MESSAGE, 'Data/a/2.eml': MESSAGE }, 'STORE');
    const at = new TextDecoder('latin1').decode(bytes).indexOf('quarterly');
    bytes[at] ^= 0x20;
    const results = await readMessageJob(await jobOf(bytes));
    expect(results[0].row).toMatchObject({ status: 'error', md5: '', sha256: '' });
    expect(results[0].row.error).toMatch(/CRC32 mismatch in entry Data\/a\/1\.eml/);
    expect(results[0].message).toBeNull();
    expect(results[1].row.status).toBe('ok');
  });

  it('does not inflate past the size the archive records', async () => {
    const job = await jobOf(await zipWith({ 'Data/a/1.eml': MESSAGE }, 'DEFLATE'));
    job.entries[0].record!.uncompressedSize = 10;
    const [result] = await readMessageJob(job);
    expect(result.row.status).toBe('error');
    expect(result.row.error).toMatch(/inflates to more than the 10 bytes/);
  });

  it('returns a file that is not a message as its row only', async () => {
    const [result] = await readMessageJob(await jobOf(await zipWith({ 'Data/a/1.eml': '' }, 'STORE')));
    expect(result.row).toMatchObject({ status: 'skipped', format: 'empty' });
    expect(result.message).toBeNull();
  });
});
