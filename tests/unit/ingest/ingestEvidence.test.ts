/** Intake end to end on generated archives: nesting, damage, empty and unknown input, progress, cancel. */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEvidence, type IngestedEntry, type IngestInput, type IngestOptions, type IngestProgress } from '../../../src/lib/ingest/ingestEvidence.ts';
import { MAX_ARCHIVE_DEPTH } from '../../../src/lib/ingest/limits.ts';
import type { InventoryEntry } from '../../../src/lib/model/inventoryEntry.ts';
import { generatedBytes, generatedDir, generatedFile } from './generatedZips.ts';

const hex = (algorithm: string, data: Uint8Array) => createHash(algorithm).update(data).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);
const input = (path: string, bytes: Uint8Array<ArrayBuffer>): IngestInput => ({ file: new File([bytes], path.split('/').pop()!), path });
const readStream = async (s: ReadableStream<Uint8Array> | null) => new Uint8Array(await new Response(s).arrayBuffer());

async function ingest(inputs: IngestInput[], options: Partial<IngestOptions> = {}) {
  const seen: IngestedEntry[] = [];
  const progress: IngestProgress[] = [];
  const result = await ingestEvidence(inputs, {
    onEntry: async (e) => {
      seen.push(e);
    },
    onProgress: (p) => progress.push(p),
    ...options,
  });
  const row = (path: string): InventoryEntry => {
    const found = result.inventory.find((r) => r.path === path);
    if (!found) throw new Error(`no row ${path} in ${result.inventory.map((r) => r.path).join(', ')}`);
    return found;
  };
  return { result, seen, progress, row };
}

const MESSAGE_PATH = 'Data/example.com/alice/26/{26539DB1-B1FD-4303-85A1-618D6EEE3EFE}.eml';
const MZ = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

beforeAll(() => {
  generatedDir();
}, 120_000);

describe('ingestEvidence: nested archives', () => {
  it('lists every file of a zip inside a zip, with containers, and no rows for folders', async () => {
    const zip = generatedBytes('nested.zip');
    const { result, seen, row } = await ingest([input('case/nested.zip', zip)]);

    expect(result.inventory.map((r) => [r.path, r.kind, r.format, r.container, r.status])).toEqual([
      [MESSAGE_PATH, 'message', 'eml', 'case/nested.zip', 'ok'],
      ['Logs/hmailserver_2024-05-12.log', 'log', 'hmail-log', 'case/nested.zip', 'ok'],
      ['inner.zip', 'archive', 'zip', 'case/nested.zip', 'ok'],
      ['inner.zip/Bin/hMailServer.ini', 'ini', 'hmail-ini', 'inner.zip', 'ok'],
      ['inner.zip/Data/{6174D5B7-DE88-4D74-AF7A-2BC642DCB978}.eml', 'message', 'eml', 'inner.zip', 'ok'],
      ['inner.zip/deeper.zip', 'archive', 'zip', 'inner.zip', 'ok'],
      ['inner.zip/deeper.zip/db/readme.txt', 'other', 'unknown', 'inner.zip/deeper.zip', 'skipped'],
    ]);
    expect(result.evidence).toEqual([{ name: 'case/nested.zip', size: zip.length, md5: hex('md5', zip), sha256: hex('sha256', zip) }]);

    const message = seen.find((e) => e.entry.path === MESSAGE_PATH)!;
    expect(message.bytes).not.toBeNull();
    expect(row(MESSAGE_PATH)).toMatchObject({ size: message.bytes!.length, md5: hex('md5', message.bytes!), sha256: hex('sha256', message.bytes!), modified: '2024-05-13T09:00:00' });
    expect(new TextDecoder().decode(message.head)).toMatch(/^Return-Path: <alice@example.com>/);
    expect(row('inner.zip/deeper.zip/db/readme.txt').error).toBe('text not recognised as hMailServer evidence: hashed, not analysed');
    expect(seen.map((e) => e.entry.path).sort()).toEqual(result.inventory.map((r) => r.path));

    const nestedMessage = 'inner.zip/Data/{6174D5B7-DE88-4D74-AF7A-2BC642DCB978}.eml';
    const reread = await readStream(result.open(nestedMessage));
    expect(hex('sha256', reread)).toBe(row(nestedMessage).sha256);
    expect(await readStream(seen.find((e) => e.entry.path === nestedMessage)!.open())).toEqual(reread);
    expect(result.open('no/such/path')).toBeNull();
  });

  it(`opens archives down to ${MAX_ARCHIVE_DEPTH} levels and lists the next one without opening it`, async () => {
    const { result, row } = await ingest([input('deep-nesting.zip', generatedBytes('deep-nesting.zip'))]);
    expect(result.inventory.map((r) => r.path)).toEqual([
      'd2.zip',
      'd2.zip/d3.zip',
      'd2.zip/d3.zip/d4.zip',
      'd2.zip/d3.zip/d4.zip/d5.zip',
      'd2.zip/d3.zip/d4.zip/leaf4.txt',
      'd2.zip/d3.zip/leaf3.txt',
      'd2.zip/leaf2.txt',
      'leaf1.txt',
    ]);
    expect(row('d2.zip/d3.zip/d4.zip/d5.zip')).toMatchObject({
      kind: 'archive',
      status: 'skipped',
      error: 'archive nested deeper than 4 levels: its entries are not listed',
    });
  });

  it('reads a stored nested zip in place, whatever the in-memory limit', async () => {
    const { row, result } = await ingest([input('nested-stored.zip', generatedBytes('nested-stored.zip'))], { keepInMemoryLimit: 200 });
    expect(result.inventory.map((r) => [r.path, r.container, r.status])).toEqual([
      ['evidence/inner.zip', 'nested-stored.zip', 'ok'],
      ['evidence/inner.zip/Bin/hMailServer.ini', 'evidence/inner.zip', 'ok'],
      ['evidence/inner.zip/Data/{6174D5B7-DE88-4D74-AF7A-2BC642DCB978}.eml', 'evidence/inner.zip', 'ok'],
      ['evidence/inner.zip/deeper.zip', 'evidence/inner.zip', 'ok'],
      ['evidence/inner.zip/deeper.zip/db/readme.txt', 'evidence/inner.zip/deeper.zip', 'skipped'],
      ['top.eml', 'nested-stored.zip', 'ok'],
    ]);
    const ini = 'evidence/inner.zip/Bin/hMailServer.ini';
    expect(hex('sha256', await readStream(result.open(ini)))).toBe(row(ini).sha256);
  });

  it('re-reads entries of a compressed nested zip after ingest, one archive after another', async () => {
    const { result, row } = await ingest([input('a.zip', generatedBytes('nested.zip')), input('b.zip', generatedBytes('nested-stored.zip'))]);
    for (const path of ['inner.zip/Bin/hMailServer.ini', 'inner.zip/deeper.zip/db/readme.txt', 'evidence/inner.zip/deeper.zip/db/readme.txt', 'inner.zip/Bin/hMailServer.ini']) {
      expect(hex('sha256', await readStream(result.open(path)))).toBe(row(path).sha256);
    }
  });

  it('skips a nested zip above the in-memory limit but still hashes it; big entries come without bytes', async () => {
    const { row, seen, result } = await ingest([input('nested.zip', generatedBytes('nested.zip'))], { keepInMemoryLimit: 200 });
    expect(row('inner.zip')).toMatchObject({ status: 'skipped', error: 'compressed nested archive above the 200-byte in-memory limit: its entries are not listed' });
    expect(row('inner.zip').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.inventory.some((r) => r.path.startsWith('inner.zip/'))).toBe(false);
    const message = seen.find((e) => e.entry.path === MESSAGE_PATH)!;
    expect(message.bytes).toBeNull();
    expect(message.head.length).toBe(row(MESSAGE_PATH).size);
    expect(hex('sha256', await readStream(message.open()))).toBe(row(MESSAGE_PATH).sha256);
  });
});

describe('ingestEvidence: damaged and odd input', () => {
  it('recovers the entries of a truncated zip from their local headers and says so on a row for the archive, hashed', async () => {
    const zip = generatedBytes('truncated.zip');
    const { result, row } = await ingest([input('truncated.zip', zip)]);
    expect(result.inventory.map((r) => [r.path, r.status])).toEqual([
      [MESSAGE_PATH, 'ok'],
      ['Logs/hmailserver_2024-05-12.log', 'ok'],
      ['inner.zip', 'error'],
      ['truncated.zip', 'error'],
    ]);
    expect(row('inner.zip').error).toBe('entry inner.zip keeps its sizes in a data descriptor that was not found: not read');
    expect(row(MESSAGE_PATH).sha256).toBe(hex('sha256', await readStream(result.open(MESSAGE_PATH))));
    expect(row('truncated.zip')).toMatchObject({
      kind: 'archive',
      format: 'zip',
      size: zip.length,
      md5: hex('md5', zip),
      sha256: hex('sha256', zip),
      status: 'error',
    });
    expect(row('truncated.zip').error).toMatch(/^ZIP central directory not found: file truncated or not a zip; \d+ entr(y is|ies are) missing from the central directory and were recovered by scanning local headers .* \(\d+ files were still listed, \d+ of them recovered from local headers\)$/);
    expect(result.evidence[0].sha256).toBe(hex('sha256', zip));
    expect(await readStream(result.open('truncated.zip'))).toEqual(zip);
  });

  it('reports a truncated and an empty zip inside a zip on their own rows, with what was recovered', async () => {
    const { result, row } = await ingest([input('nested-odd.zip', generatedBytes('nested-odd.zip'))]);
    expect(result.inventory.map((r) => r.path)).toContain(`broken-inner.zip/${MESSAGE_PATH}`);
    expect(row('broken-inner.zip')).toMatchObject({ kind: 'archive', status: 'error' });
    expect(row('broken-inner.zip').error).toMatch(/^ZIP central directory not found: file truncated or not a zip; .*recovered by scanning local headers/);
    expect(row('broken-inner.zip').sha256).toBe(hex('sha256', generatedBytes('truncated.zip')));
    expect(row('empty-inner.zip')).toMatchObject({ kind: 'archive', status: 'skipped', error: 'empty archive: no entries' });
    expect(row('ok.eml').status).toBe('ok');
  });

  it('reports an empty zip and a folders-only zip as skipped rows', async () => {
    const { row } = await ingest([input('empty.zip', generatedBytes('empty.zip')), input('only-folders.zip', generatedBytes('only-folders.zip'))]);
    expect(row('empty.zip')).toMatchObject({ kind: 'archive', status: 'skipped', error: 'empty archive: no entries' });
    expect(row('only-folders.zip')).toMatchObject({ kind: 'archive', status: 'skipped', error: 'empty archive: 2 folder(s) and no files' });
  });

  it('gives a 0-byte file a skipped row with the empty-input digests', async () => {
    const { row } = await ingest([input('Data/{00ABC2F9-A563-4BCA-B56E-45AC1F438615}.eml', new Uint8Array(0))]);
    expect(row('Data/{00ABC2F9-A563-4BCA-B56E-45AC1F438615}.eml')).toMatchObject({
      kind: 'other',
      format: 'empty',
      size: 0,
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      status: 'skipped',
      error: 'empty file (0 bytes): nothing to analyse',
    });
  });

  it('names an unknown binary behind a lying .eml extension', async () => {
    const { row, seen } = await ingest([input('invoice.eml', MZ)]);
    expect(row('invoice.eml')).toMatchObject({
      kind: 'other',
      format: 'unknown',
      sha256: hex('sha256', MZ),
      status: 'skipped',
      error: 'unrecognised binary content (Windows executable (MZ)): hashed, not analysed',
    });
    expect(seen[0].bytes).toBeNull();
  });

  it('leaves a 7z backup ok and whole for the pipeline to expand', async () => {
    const sevenZip = new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 1, 2, 3, 4]);
    const { row, seen } = await ingest([input('HMBackup 2024-05-06 020000.7z', sevenZip)]);
    expect(row('HMBackup 2024-05-06 020000.7z')).toMatchObject({ kind: 'archive', format: '7z', status: 'ok' });
    expect(seen[0].bytes).toEqual(sevenZip);
  });

  it('opens a zip named .txt and sniffs a MySQL dump named .log', async () => {
    const dump = text('-- MySQL dump 10.13  Distrib 8.0.36\n--\nINSERT INTO `hm_accounts` VALUES (1);\n');
    const { result, row } = await ingest([input('notes.txt', generatedBytes('nested.zip')), input('Logs/hmailserver_2024-05-06.log', dump)]);
    expect(row(MESSAGE_PATH).container).toBe('notes.txt');
    expect(result.inventory.some((r) => r.path === 'notes.txt')).toBe(false);
    expect(row('Logs/hmailserver_2024-05-06.log')).toMatchObject({ kind: 'dump', format: 'mysql-dump', status: 'ok' });
  });

  it('reports a CRC32 mismatch on one entry and still reads the next', async () => {
    const { row } = await ingest([input('crc-mismatch.zip', generatedBytes('crc-mismatch.zip'))]);
    expect(row('first.eml')).toMatchObject({ status: 'error', error: 'CRC32 mismatch in entry first.eml: its content is damaged', md5: '', sha256: '', size: 307 });
    expect(row('second.log')).toMatchObject({ status: 'ok', format: 'hmail-log' });
  });

  it('reports corrupt deflate data, an unsupported method and an encrypted entry', async () => {
    const { row } = await ingest([
      input('corrupt-deflate.zip', generatedBytes('corrupt-deflate.zip')),
      input('unsupported-method.zip', generatedBytes('unsupported-method.zip')),
      input('encrypted.zip', generatedBytes('encrypted.zip')),
    ]);
    expect(row('broken.log').status).toBe('error');
    expect(row('broken.log').error).toMatch(/^corrupt compressed data in entry broken\.log \(.+\)$/);
    expect(row('intact.eml')).toMatchObject({ status: 'ok', kind: 'message' });
    expect(row('legacy.eml')).toMatchObject({ status: 'error', error: 'unsupported compression method 12 (BZIP2) in entry legacy.eml' });
    expect(row('secret.eml')).toMatchObject({ status: 'error', error: 'entry secret.eml is encrypted: no password, content not read' });
    expect(row('plain.ini')).toMatchObject({ status: 'ok', format: 'hmail-ini' });
  });

  it('reports a dropped file the browser cannot read and goes on with the next one', async () => {
    class UnreadableBlob extends Blob {
      override slice(): Blob {
        const part = super.slice();
        part.arrayBuffer = () => Promise.reject(new DOMException('file moved', 'NotReadableError'));
        return part;
      }
    }
    const { result, row } = await ingest([
      { file: new UnreadableBlob([MZ]), path: 'gone.zip' },
      input('ok.bin', MZ),
    ]);
    expect(row('gone.zip')).toMatchObject({ status: 'error', error: 'file could not be read: NotReadableError: file moved', md5: '', size: MZ.length });
    expect(row('ok.bin').sha256).toBe(hex('sha256', MZ));
    expect(result.evidence.map((e) => [e.name, e.sha256])).toEqual([
      ['gone.zip', ''],
      ['ok.bin', hex('sha256', MZ)],
    ]);
    await expect(readStream(result.open('gone.zip'))).rejects.toThrow(/could not be read/);
  });

  it('hands error rows to onEntry without bytes', async () => {
    const { seen } = await ingest([input('crc-mismatch.zip', generatedBytes('crc-mismatch.zip'))]);
    const failed = seen.find((e) => e.entry.path === 'first.eml')!;
    expect(failed.entry.status).toBe('error');
    expect(failed.bytes).toBeNull();
  });
});

describe('ingestEvidence: several inputs, progress and cancel', () => {
  it('hashes each dropped file, sorts the inventory by path and ends progress at the totals', async () => {
    const zip = generatedBytes('nested.zip');
    const loose = text('From: a@example.com\r\nSubject: loose\r\n\r\nx\r\n');
    const { result, progress } = await ingest([input('z/nested.zip', zip), input('b\\loose.eml', loose), input('a/empty.eml', new Uint8Array(0))]);
    expect(result.evidence.map((e) => [e.name, e.size, e.sha256])).toEqual([
      ['z/nested.zip', zip.length, hex('sha256', zip)],
      ['b/loose.eml', loose.length, hex('sha256', loose)],
      ['a/empty.eml', 0, hex('sha256', new Uint8Array(0))],
    ]);
    const paths = result.inventory.map((r) => r.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('b/loose.eml');
    expect(result.inventory.find((r) => r.path === 'b/loose.eml')!.container).toBeUndefined();

    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ filesDone: result.inventory.length, filesTotal: result.inventory.length, bytesTotal: zip.length + loose.length });
    expect(last.bytesDone).toBe(last.bytesTotal);
    for (let i = 1; i < progress.length; i++) expect(progress[i].bytesDone).toBeGreaterThanOrEqual(progress[i - 1].bytesDone);
  });

  it('throws AbortError when cancelled between entries', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = ingestEvidence([input('nested.zip', generatedBytes('nested.zip'))], {
      signal: controller.signal,
      onEntry: async () => {
        calls++;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
  });

  it('throws AbortError at once for a signal aborted before the start', async () => {
    const signal = AbortSignal.abort();
    await expect(ingestEvidence([input('a.eml', MZ)], { signal, onEntry: async () => {} })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('lets an error of onEntry through instead of turning it into a row', async () => {
    const run = ingestEvidence([input('a.eml', MZ)], {
      onEntry: async () => {
        throw new Error('pipeline bug');
      },
    });
    await expect(run).rejects.toThrow('pipeline bug');
  });

  it('records the dropped file time as modified', async () => {
    const { row } = await ingest([
      { file: new File([MZ], 'x.bin', { lastModified: Date.UTC(2024, 4, 13, 7) }), path: 'x.bin' },
      { file: generatedFile('truncated.zip'), path: 'truncated.zip' },
    ]);
    expect(row('x.bin').modified).toBe('2024-05-13T07:00:00.000Z');
    expect(row('truncated.zip').modified).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(row('x.bin').container).toBeUndefined();
  });
});

describe('ingestEvidence: hashZipsLater', () => {
  it('once `finished`, gives the same evidence hashes and inventory as waiting for them', async () => {
    const zip = generatedBytes('nested.zip');
    const waited = await ingest([input('case/nested.zip', zip)]);
    const later = await ingest([input('case/nested.zip', zip)], { hashZipsLater: true });
    await later.result.finished;
    expect(later.result.evidence).toEqual(waited.result.evidence);
    expect(later.result.inventory).toEqual(waited.result.inventory);
  });
});
