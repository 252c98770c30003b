/** A nested zip's own row after its walk, and the refusals that keep its entries from being listed. */
import { describe, expect, it } from 'vitest';
import type { CollectedEntry } from '../../../src/lib/ingest/createEntryCollector.ts';
import { IngestRun } from '../../../src/lib/ingest/ingestRun.ts';
import { nestedZipRow, openNestedZip } from '../../../src/lib/ingest/nestedZip.ts';
import type { ZipEntryRecord } from '../../../src/lib/ingest/openZipEntry.ts';
import type { ZipWalk } from '../../../src/lib/ingest/walkZip.ts';
import type { InventoryEntry } from '../../../src/lib/model/inventoryEntry.ts';

const row: InventoryEntry = { path: 'outer.zip/inner.zip', kind: 'archive', format: 'zip', size: 100, md5: 'm', sha256: 's', status: 'ok', container: 'outer.zip', modified: null };
const walk = (w: Partial<ZipWalk>): ZipWalk => ({ files: 1, folders: 0, error: null, recovered: 0, overlapping: 0, damage: [], ...w });
const collected = (bytes: Uint8Array<ArrayBuffer> | null): CollectedEntry => ({ size: 100, md5: 'm', sha1: 'h', sha256: 's', head: new Uint8Array(0), bytes, window: new Uint8Array(0) });
const deflated = { compressionMethod: 8, compressedSize: 50 } as ZipEntryRecord;
const parent = (depth: number) => ({ source: new Blob([]), later: () => Promise.resolve(new Blob([])), container: 'outer.zip', prefix: '', depth });
const newRun = (maxDepth = 3) => new IngestRun([], { onEntry: () => Promise.resolve(), keepInMemoryLimit: 64, expansion: { maxDepth } });
const none = () => new ReadableStream<Uint8Array>();

describe('nestedZipRow', () => {
  it('keeps the row of a sound nested zip with files', () => {
    expect(nestedZipRow(row, walk({}))).toBe(row);
  });

  it('makes the row an error when the walk found damage', () => {
    expect(nestedZipRow(row, walk({ files: 0, error: 'no end of central directory' }))).toEqual({ ...row, status: 'error', error: 'no end of central directory' });
  });

  it('skips an empty nested zip and says what it held', () => {
    expect(nestedZipRow(row, walk({ files: 0, folders: 2 }))).toEqual({ ...row, status: 'skipped', error: 'empty archive: 2 folder(s) and no files' });
  });
});

describe('openNestedZip', () => {
  it('refuses a zip nested deeper than the budget, as a limit', async () => {
    expect(await openNestedZip(newRun(1), row, collected(new Uint8Array(100)), deflated, false, none, parent(1))).toEqual({
      status: 'skipped',
      error: 'archive nested deeper than 1 levels: its entries are not listed',
      refused: 'limit',
    });
  });

  it('does not list a compressed nested zip that was not kept in memory', async () => {
    expect(await openNestedZip(newRun(), row, collected(null), deflated, false, none, parent(1))).toEqual({
      status: 'skipped',
      error: 'compressed nested archive above the 64-byte in-memory limit: its entries are not listed',
    });
  });

  it('walks a compressed nested zip that was kept, one level deeper, under its own path', async () => {
    const bytes = new Uint8Array(100);
    const ctx = await openNestedZip(newRun(), row, collected(bytes), deflated, false, none, parent(1));
    expect(ctx).toMatchObject({ source: bytes, container: 'outer.zip/inner.zip', prefix: 'outer.zip/inner.zip/', depth: 2 });
  });
});
