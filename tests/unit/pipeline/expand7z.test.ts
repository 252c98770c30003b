/** A 7z backup's files become inventory rows of their own, hashed three ways and classified, and are dispatched with their bytes. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IngestedEntry } from '../../../src/lib/ingest/ingestEvidence.ts';
import { expand7z } from '../../../src/lib/pipeline/expand7z.ts';

const node = (algo: string, bytes: Uint8Array) => createHash(algo).update(bytes).digest('hex');

describe('expand7z', () => {
  it('hashes every extracted file with MD5, SHA-1 and SHA-256 and names it inside its archive', async () => {
    const message = new TextEncoder().encode('From: a@example.org\r\nTo: b@example.org\r\nSubject: backed up\r\n\r\nbody\r\n');
    const xml = new TextEncoder().encode('<Backup></Backup>');
    const archive = { entry: { path: 'HMBackup 2024-05-20.7z' } } as IngestedEntry;
    const dispatched: IngestedEntry[] = [];
    const { rows, contents, error } = await expand7z(
      archive,
      new Uint8Array(0),
      async () => ({ entries: [{ path: 'DataBackup/x/{A}.eml', bytes: message }, { path: 'notes.txt', bytes: xml }], error: null }),
      async (e) => void dispatched.push(e),
    );
    expect(error).toBeNull();
    expect(rows.map((r) => [r.path, r.md5, r.sha1, r.sha256, r.container])).toEqual([
      ['HMBackup 2024-05-20.7z/DataBackup/x/{A}.eml', node('md5', message), node('sha1', message), node('sha256', message), 'HMBackup 2024-05-20.7z'],
      ['HMBackup 2024-05-20.7z/notes.txt', node('md5', xml), node('sha1', xml), node('sha256', xml), 'HMBackup 2024-05-20.7z'],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'message', format: 'eml', size: message.length, status: 'ok' });
    expect(dispatched.map((e) => e.entry.path)).toEqual(rows.map((r) => r.path));
    expect(contents.get(rows[0].path)).toBe(message);
  });
});
