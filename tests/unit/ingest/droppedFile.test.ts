/**
 * A dropped file that is not a zip: hashed in slices (hashDropped), classified into its inventory row
 * (contentRow), offered to the caller when it is a message, and listed as an error when it cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { contentRow } from '../../../src/lib/ingest/contentRow.ts';
import { ingestDroppedFile } from '../../../src/lib/ingest/droppedFile.ts';
import type { DeferredMessage } from '../../../src/lib/ingest/deferredMessage.ts';
import { hashDropped } from '../../../src/lib/ingest/hashDropped.ts';
import type { IngestedEntry } from '../../../src/lib/ingest/ingestEvidence.ts';
import { IngestRun } from '../../../src/lib/ingest/ingestRun.ts';
import { unreadableFile } from '../../../src/lib/ingest/unreadableFile.ts';

const HELLO_MD5 = '5d41402abc4b2a76b9719d911017c592';
const HELLO_SHA256 = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';
const LOG_PATH = 'hMailServer/Logs/hmailserver_2024-05-06.log';
const LOG_TEXT = '"SMTPD"\t4420\t87\t"2024-05-06 03:12:01.104"\t"203.0.113.9"\t"RECEIVED: AUTH LOGIN"\r\n';
const MODIFIED = Date.UTC(2024, 4, 6, 12, 0, 0);

function runFor(files: File[], extra: { deferMessage?: (m: DeferredMessage) => boolean; signal?: AbortSignal } = {}) {
  const entries: IngestedEntry[] = [];
  const run = new IngestRun(
    files.map((file) => ({ file, path: file.name })),
    { onEntry: async (e) => void entries.push(e), ...extra },
  );
  return { run, entries };
}

const head = async (file: Blob, n: number) => new Uint8Array(await file.slice(0, n).arrayBuffer());

/** A File whose reads fail, as when the file was moved or locked after it was chosen. */
class VanishedFile extends File {
  override slice(): Blob {
    return { arrayBuffer: () => Promise.reject(new DOMException('A requested file could not be found', 'NotFoundError')) } as unknown as Blob;
  }
}

describe('hashDropped', () => {
  it('hashes the first bytes given and the rest read from the file, and fills its evidence slot', async () => {
    const file = new File(['hello'], 'a.txt');
    const { run } = runFor([file]);
    const collected = await hashDropped(run, file, 'a.txt', await head(file, 2), 1024, 1);
    expect([collected.size, collected.md5, collected.sha256]).toEqual([5, HELLO_MD5, HELLO_SHA256]);
    expect(new TextDecoder().decode(collected.bytes!)).toBe('hello');
    expect(run.evidence).toEqual([{ name: 'a.txt', size: 5, md5: HELLO_MD5, sha256: HELLO_SHA256 }]);
    expect(run.progress.bytesDone).toBe(5);
  });

  it('keeps evidence rows in drop order when the hashes finish out of order', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    /** Its read waits until the second file is hashed. */
    class HeldFile extends File {
      override slice(start?: number, end?: number): Blob {
        const part = super.slice(start, end);
        return { arrayBuffer: async () => (await gate, part.arrayBuffer()) } as unknown as Blob;
      }
    }
    const first = new HeldFile(['hello'], 'first.txt');
    const second = new File(['x'], 'second.txt');
    const { run } = runFor([first, second]);
    const a = hashDropped(run, first, 'first.txt', new Uint8Array(0), 1024, 1);
    await hashDropped(run, second, 'second.txt', new Uint8Array(0), 1024, 1);
    release();
    await a;
    expect(run.evidence.map((e) => [e.name, e.md5])).toEqual([['first.txt', HELLO_MD5], ['second.txt', '9dd4e461268c8034f5c8564e155c67a6']]);
  });
});

describe('contentRow', () => {
  it('classifies the row from its head and carries its hashes, container and time', () => {
    const row = contentRow(LOG_PATH, { size: 10, md5: 'm', sha1: 's1', sha256: 's', head: new TextEncoder().encode(LOG_TEXT) }, { container: 'case.zip', modified: null });
    expect(row).toEqual({ path: LOG_PATH, kind: 'log', format: 'hmail-log', size: 10, md5: 'm', sha1: 's1', sha256: 's', status: 'ok', container: 'case.zip', modified: null });
  });

  it('marks content it does not analyse as skipped, with the reason', () => {
    const row = contentRow('notes/a.bin', { size: 4, md5: 'm', sha256: 's', head: Uint8Array.of(0x4d, 0x5a, 0x00, 0x00) }, {});
    expect(row).toMatchObject({ kind: 'other', format: 'unknown', status: 'skipped', error: 'unrecognised binary content (Windows executable (MZ)): hashed, not analysed' });
    expect('sha1' in row).toBe(false);
  });
});

describe('ingestDroppedFile', () => {
  it('hands on a log with its row, its bytes and a re-reader of the file', async () => {
    const file = new File([LOG_TEXT], LOG_PATH, { lastModified: MODIFIED });
    const { run, entries } = runFor([file]);
    await ingestDroppedFile(run, file, LOG_PATH, await head(file, 16));
    expect(entries).toHaveLength(1);
    expect(entries[0].entry).toMatchObject({ path: LOG_PATH, kind: 'log', format: 'hmail-log', size: LOG_TEXT.length, status: 'ok', modified: '2024-05-06T12:00:00.000Z' });
    expect(new TextDecoder().decode(entries[0].bytes!)).toBe(LOG_TEXT);
    expect(await new Response(run.open(LOG_PATH)!).text()).toBe(LOG_TEXT);
    expect(run.inventory).toHaveLength(1);
  });

  it('offers a message file to the caller and makes no row when it takes it', async () => {
    const file = new File(['Subject: hi\r\n\r\nbody'], 'Data/example.com/alice/{A}.eml', { lastModified: MODIFIED });
    const offered: DeferredMessage[] = [];
    const { run, entries } = runFor([file], { deferMessage: (m) => offered.push(m) > 0 });
    await ingestDroppedFile(run, file, file.name, await head(file, 4));
    expect(offered.map((m) => [m.path, m.record, m.size, m.modified])).toEqual([[file.name, null, file.size, '2024-05-06T12:00:00.000Z']]);
    expect(entries).toEqual([]);
    expect(run.evidence).toEqual([]);
  });

  it('reads a message file itself when the caller declines it', async () => {
    const file = new File(['Subject: hi\r\n\r\nbody'], 'Data/example.com/alice/{A}.eml');
    const { run, entries } = runFor([file], { deferMessage: () => false });
    await ingestDroppedFile(run, file, file.name, new Uint8Array(0));
    expect(entries.map((e) => [e.entry.kind, e.entry.status])).toEqual([['message', 'ok']]);
  });

  it('lists a file that cannot be read as an error row with the browser’s reason, keeping one evidence row for it', async () => {
    const file = new VanishedFile(['hello'], 'gone.log');
    const { run, entries } = runFor([file]);
    await ingestDroppedFile(run, file, 'gone.log', new Uint8Array(0));
    expect(entries.map((e) => e.entry)).toEqual([
      { path: 'gone.log', kind: 'other', format: 'unknown', size: 5, md5: '', sha256: '', status: 'error', error: 'file could not be read: NotFoundError: A requested file could not be found', modified: expect.any(String) },
    ]);
    expect(entries[0].bytes).toBeNull();
    expect(run.evidence).toEqual([{ name: 'gone.log', size: 5, md5: '', sha256: '' }]);
    await expect(new Response(run.open('gone.log')!).text()).rejects.toThrow('file could not be read: NotFoundError');
  });
});

describe('unreadableFile', () => {
  it('adds the evidence row when hashing never took a slot, and rethrows a cancellation instead of listing the file', async () => {
    const file = new File(['abc'], 'x.log');
    const { run, entries } = runFor([file]);
    await unreadableFile(run, file, 'x.log', 'locked');
    expect(run.evidence).toEqual([{ name: 'x.log', size: 3, md5: '', sha256: '' }]);
    expect(entries[0].entry.error).toBe('file could not be read: locked');

    const controller = new AbortController();
    controller.abort();
    const cancelled = runFor([file], { signal: controller.signal });
    await expect((async () => unreadableFile(cancelled.run, file, 'x.log', new Error('aborted')))()).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled.entries).toEqual([]);
  });
});
