/** ZIP64: archives written with ZIP64 records, and an entry whose local header lies beyond 4 GiB. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEvidence } from '../../../src/lib/ingest/ingestEvidence.ts';
import type { FileEntry } from '@zip.js/zip.js';
import { openZipEntry, zipEntryRecord } from '../../../src/lib/ingest/openZipEntry.ts';
import { walkZip } from '../../../src/lib/ingest/walkZip.ts';
import { zipEntryStream } from '../../../src/lib/ingest/zipEntryStream.ts';
import { zipModified } from '../../../src/lib/ingest/zipModified.ts';
import { generatedBytes, generatedDir, generatedFile, generatedLargeBlob } from './generatedZips.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const hasZip64Records = (zip: Uint8Array) => Buffer.from(zip).includes(Buffer.from('PK\x06\x06', 'latin1')) && Buffer.from(zip).includes(Buffer.from('PK\x06\x07', 'latin1'));

let infoZipBuilt = false;
beforeAll(() => {
  infoZipBuilt = existsSync(join(generatedDir(), 'infozip-zip64.zip'));
}, 120_000);

async function inventoryOf(name: string) {
  const result = await ingestEvidence([{ file: generatedFile(name), path: name }], { onEntry: async () => {} });
  return result.inventory;
}

describe('ZIP64 archives', () => {
  it('reads a zip.js zip64 archive and takes its UTC extended timestamps', async () => {
    expect(hasZip64Records(generatedBytes('zip64.zip'))).toBe(true);
    const rows = await inventoryOf('zip64.zip');
    const plain = await inventoryOf('nested.zip');
    expect(rows.map((r) => [r.path, r.kind, r.status, r.modified])).toEqual([
      ['Data/{39ADD901-FC66-45EC-AB0C-60C207E57B2B}.eml', 'message', 'ok', '2024-05-13T07:00:00.000Z'],
      ['Logs/hmailserver_2024-05-12.log', 'log', 'ok', '2024-05-13T07:00:00.000Z'],
    ]);
    // Same content as in the plain archive, so the same digests.
    expect(rows[1].sha256).toBe(plain.find((r) => r.path === 'Logs/hmailserver_2024-05-12.log')!.sha256);
  });

  it('reads an Info-ZIP `zip -fz` archive (skipped when zip is not installed)', async (ctx) => {
    if (!infoZipBuilt) ctx.skip();
    expect(hasZip64Records(generatedBytes('infozip-zip64.zip'))).toBe(true);
    const rows = await inventoryOf('infozip-zip64.zip');
    expect(rows.map((r) => [r.path, r.format, r.status, r.modified])).toEqual([
      ['Logs/hmailserver_2024-05-12.log', 'hmail-log', 'ok', '2024-05-13T09:00:00'],
      ['message.eml', 'eml', 'ok', '2024-05-13T09:00:00'],
    ]);
  });

  it('reads an entry whose local header starts beyond 4 GiB without reading the archive', async () => {
    const blob = generatedLargeBlob('zip64-beyond-4gib.zip');
    expect(blob.size).toBeGreaterThan(2 ** 32);
    const files: FileEntry[] = [];
    const walk = await walkZip(blob, {
      entry: async (entry) => {
        files.push(entry);
      },
      recovered: async () => undefined,
    });
    expect(walk).toEqual({ files: 2, folders: 0, error: null, recovered: 0, overlapping: 0, damage: [] });
    expect(files.map((f) => [f.filename, f.uncompressedSize])).toEqual([
      ['padding.bin', 2 ** 32 + 64 * 1024],
      ['after-4gib/message.eml', 307],
    ]);
    const late = files[1];
    expect(late.offset).toBeGreaterThan(2 ** 32);
    expect(zipModified(late)).toBe('2024-05-13T09:00:00');
    const viaZipJs = new Uint8Array(await new Response(zipEntryStream(late)).arrayBuffer());
    const viaRecord = new Uint8Array(await new Response(openZipEntry(blob, zipEntryRecord(late))).arrayBuffer());
    expect(new TextDecoder().decode(viaZipJs)).toMatch(/^Return-Path: <alice@example.com>\r\n/);
    expect(viaRecord).toEqual(viaZipJs);
    const sameMessage = (await inventoryOf('zip64.zip'))[0];
    expect(sha256(viaZipJs)).toBe(sameMessage.sha256);
  });
});
