/** Hostile and lying zips: every bad part costs only itself, limits hold, and the damage is said on the archive's row. */
import { describe, expect, it } from 'vitest';
import { ingestEvidence, type IngestOptions } from '../../../src/lib/ingest/ingestEvidence.ts';
import { buildZip, MESSAGE_TEXT, messagePath, zip64Extra, type RawZipFile } from '../../generate/rawZip.mjs';

const MiB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const messages = (from: number, count: number): RawZipFile[] =>
  Array.from({ length: count }, (_, i) => ({ name: messagePath(from + i), data: text(MESSAGE_TEXT(from + i)) }));

async function ingest(bytes: Uint8Array, options: Partial<IngestOptions> = {}) {
  const result = await ingestEvidence([{ file: new File([new Uint8Array(bytes)], 'case.zip'), path: 'case.zip' }], { onEntry: async () => undefined, ...options });
  const row = (path: string) => {
    const found = result.inventory.find((r) => r.path === path);
    if (!found) throw new Error(`no row ${path}`);
    return found;
  };
  const ok = result.inventory.filter((r) => r.status === 'ok').map((r) => r.path);
  return { result, row, ok };
}

describe('zip intake under an expansion budget', () => {
  it('skips entries of zeros above 1000:1 from their declared sizes and reads the rest', async () => {
    const zeros = new Uint8Array(10 * MiB);
    const bomb = Array.from({ length: 20 }, (_, i) => ({ name: `bomb/${i}.bin`, data: zeros }));
    const { row, ok } = await ingest(buildZip([...messages(1, 3), ...bomb]));
    expect(ok).toEqual([messagePath(1), messagePath(2), messagePath(3)]);
    expect(row('bomb/7.bin')).toMatchObject({ status: 'skipped', md5: '', sha256: '' });
    expect(row('bomb/7.bin').error).toMatch(/^entry bomb\/7\.bin declares 10 MiB from \d+ compressed bytes \(over 1000:1\): not inflated \(zip bomb pattern\)$/);
  }, 30_000);

  it('refuses an entry whose declared size passes what is left of the total budget', async () => {
    const big = (n: number) => ({ name: `logs/${n}.txt`, data: text(`line ${n} `.repeat(300_000)) });
    const { row, ok } = await ingest(buildZip([big(1), big(2), ...messages(1, 1)]), { expansion: { totalBytes: 3 * MiB } });
    expect(row('logs/1.txt')).toMatchObject({ status: 'skipped', error: 'text not recognised as hMailServer evidence: hashed, not analysed' });
    expect(ok).toEqual([messagePath(1)]);
    expect(row('logs/2.txt').status).toBe('skipped');
    expect(row('logs/2.txt').error).toMatch(/beyond what is left of the 3 MiB expansion budget of this evidence .*: not inflated \(possible zip bomb\)$/);
  });

  it('stops an entry that inflates beyond its declared size once the real bytes pass the budget', async () => {
    const liar = { name: 'liar.bin', data: new Uint8Array(4 * MiB).fill(7), sizes32: [100, 0] as [number, number] };
    const zip = buildZip([liar, ...messages(1, 1)], {
      records: (records) => records.map((r) => (r.name.toString() === 'liar.bin' ? { ...r, csize: records[1].offset - 30 - 8 } : r)),
    });
    const { row, ok } = await ingest(zip, { expansion: { totalBytes: 1 * MiB } });
    expect(ok).toEqual([messagePath(1)]);
    expect(row('liar.bin').status).not.toBe('ok');
  });

  it('stops listing past the entry limit with a reason', async () => {
    const { row, result } = await ingest(buildZip(messages(1, 10)), { expansion: { maxEntries: 5 } });
    expect(result.inventory.filter((r) => r.container === 'case.zip')).toHaveLength(0);
    expect(row('case.zip').error).toMatch(/more than 5 archive entries in this evidence: the rest are not listed/);
  });
});

describe('zip recovery', () => {
  it('loses only the entry whose ZIP64 field claims 2^64-1 bytes', async () => {
    const files = messages(1, 6);
    files[2] = { ...files[2], extra: zip64Extra(2n ** 64n - 1n, 2n ** 64n - 1n), sizes32: [0xffffffff, 0xffffffff] };
    const { row, ok } = await ingest(buildZip(files));
    expect(ok).toEqual([1, 2, 4, 5, 6].map(messagePath).sort());
    expect(row(messagePath(3)).status).toBe('error');
    expect(row(messagePath(3)).error).toMatch(/declares an impossible size in its ZIP64 field .*only this entry is lost/);
    expect(row('case.zip').status).toBe('error');
    expect(row('case.zip').error).toMatch(/ZIP64 size or offset beyond 2\^53 bytes.*recovered by scanning local headers/);
  });

  it('reads both of two zips joined in one file and says so', async () => {
    const joined = Buffer.concat([buildZip(messages(1, 3)), buildZip(messages(4, 1))]);
    const { row, ok } = await ingest(joined);
    expect(ok).toEqual([1, 2, 3, 4].map(messagePath).sort());
    expect(row('case.zip').error).toMatch(/^3 entries are missing from the central directory and were recovered by scanning local headers .*\(4 files were still listed, 3 of them recovered from local headers\)$/);
  });

  it('flags many central records pointing at one local header instead of reading one file as many', async () => {
    const zip = buildZip(messages(1, 1), { records: (records) => Array.from({ length: 1000 }, () => records[0]) });
    const { result, row, ok } = await ingest(zip);
    expect(ok).toEqual([messagePath(1)]);
    const shared = result.inventory.filter((r) => r.path === messagePath(1) && r.status === 'skipped');
    expect(shared).toHaveLength(999);
    expect(shared[0].error).toBe(`shares its data with entry ${messagePath(1)} (overlapping zip entries: tampering or a zip bomb): not read twice`);
    expect(row('case.zip').error).toMatch(/^999 central-directory entries share data with another entry/);
  });

  it('notes an end record pointing past the end of the file as damage and still reads the entries', async () => {
    const { row, ok } = await ingest(buildZip(messages(1, 4), { directoryOffsetDelta: 2 ** 30 }));
    expect(ok).toEqual([1, 2, 3, 4].map(messagePath).sort());
    expect(row('case.zip').status).toBe('error');
    expect(row('case.zip').error).toMatch(/the end record points \d+ bytes past the end of the file/);
  });

  it('leaves a sound zip without an archive row', async () => {
    const { result } = await ingest(buildZip(messages(1, 3)));
    expect(result.inventory.map((r) => r.path)).toEqual([1, 2, 3].map(messagePath).sort());
  });
});

describe('self-extracting archive', () => {
  it('reads the zip behind an executable stub when the file is named .zip', async () => {
    const sfx = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000), buildZip(messages(1, 2))]);
    const { ok } = await ingest(sfx);
    expect(ok).toEqual([messagePath(1), messagePath(2)]);
  });
});
