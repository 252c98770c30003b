/**
 * Every ArrayBuffer that crosses a worker boundary is transferred, not copied (architecture.md convention 4):
 * Comlink `transfer` over a real MessageChannel detaches the sender's buffer, and workers/remoteDeps.ts copies
 * views into a larger buffer first so the evidence they were cut from survives the send.
 */
import { expose, transfer, wrap } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProblem } from '../../src/lib/model/hmailDatabase.ts';
import type { ParsedMessage } from '../../src/lib/model/message.ts';
import { ownBuffer, remoteDeps } from '../../workers/remoteDeps.ts';

const openPorts: MessagePort[] = [];
afterAll(() => openPorts.forEach((p) => p.close()));

/** One end of a real MessageChannel with `api` exposed on the other, as a worker would. */
function exposedOn(api: object): MessagePort {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2);
  openPorts.push(port1, port2);
  return port1;
}

const bytesOf = (n: number, first = 1) => Uint8Array.from({ length: n }, (_, i) => (first + i) % 256);

describe('Comlink transfer over a MessageChannel', () => {
  const remote = wrap<{ echoLength(b: Uint8Array): number; give(n: number): Uint8Array }>(
    exposedOn({
      echoLength: (b: Uint8Array) => b.byteLength,
      give(n: number) {
        given = bytesOf(n);
        return transfer(given, [given.buffer]);
      },
    }),
  );
  let given: Uint8Array | null = null;

  it('detaches a transferred Uint8Array on the sender, and the receiver gets every byte', async () => {
    const bytes = bytesOf(4096);
    expect(await remote.echoLength(transfer(bytes, [bytes.buffer]))).toBe(4096);
    expect(bytes.byteLength).toBe(0);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('copies (and leaves the sender intact) when no transfer list is given', async () => {
    const bytes = bytesOf(4096);
    expect(await remote.echoLength(bytes)).toBe(4096);
    expect(bytes.byteLength).toBe(4096);
  });

  it('detaches a buffer a worker returns with transfer (readEntry, exportMessagesZip)', async () => {
    const received = await remote.give(1000);
    expect(received).toEqual(bytesOf(1000));
    expect(given!.byteLength).toBe(0);
  });
});

describe('ownBuffer', () => {
  it('returns a Uint8Array that owns its whole buffer unchanged', () => {
    const whole = bytesOf(16);
    expect(ownBuffer(whole)).toBe(whole);
  });

  it('copies a subarray view so transferring it cannot detach the parent buffer', () => {
    const parent = bytesOf(64);
    const view = parent.subarray(10, 20);
    const own = ownBuffer(view);
    expect(own).not.toBe(view);
    expect(own.buffer).not.toBe(parent.buffer);
    expect(own.byteOffset).toBe(0);
    expect(own.buffer.byteLength).toBe(10);
    expect(own).toEqual(bytesOf(10, 11));
  });

  it('copies a view that starts at offset 0 but covers only part of its buffer', () => {
    const parent = bytesOf(64);
    const head = new Uint8Array(parent.buffer, 0, 8);
    const own = ownBuffer(head);
    expect(own.buffer).not.toBe(parent.buffer);
    expect(own.buffer.byteLength).toBe(8);
  });
});

describe('remoteDeps sends evidence bytes by transfer', () => {
  const received: { method: string; bytes: Uint8Array }[] = [];
  const none: ImportProblem[] = [];
  const caseDbPort = exposedOn({
    importSqlite(bytes: Uint8Array) {
      received.push({ method: 'importSqlite', bytes });
      return none;
    },
    dumpChunk(bytes: Uint8Array) {
      received.push({ method: 'dumpChunk', bytes });
    },
  });
  const parserPort = exposedOn({
    parseMessage(bytes: Uint8Array, path: string) {
      received.push({ method: 'parseMessage', bytes });
      return { path } as unknown as ParsedMessage;
    },
  });
  const deps = remoteDeps(caseDbPort, [parserPort]);
  const hashes = { md5: '', sha256: '' };

  const sends: { method: string; send: (bytes: Uint8Array) => Promise<unknown> }[] = [
    { method: 'importSqlite', send: (b) => deps.caseDb.importSqlite(b, 'x.sdb') },
    { method: 'dumpChunk', send: (b) => deps.caseDb.dumpChunk(b) },
    { method: 'parseMessage', send: (b) => deps.parseMessage(b, 'x.eml', hashes, null, false) },
  ];

  for (const { method, send } of sends) {
    it(`${method}: a whole buffer is detached after the send`, async () => {
      received.length = 0;
      const bytes = bytesOf(2048);
      await send(bytes);
      expect(bytes.byteLength).toBe(0);
      expect(received).toHaveLength(1);
      expect(received[0].method).toBe(method);
      expect(received[0].bytes).toEqual(bytesOf(2048));
    });

    it(`${method}: a view is copied first, so the buffer it was cut from stays whole`, async () => {
      received.length = 0;
      const evidence = bytesOf(4096);
      const view = evidence.subarray(100, 300);
      await send(view);
      expect(evidence.byteLength).toBe(4096);
      expect(view.byteLength).toBe(200);
      expect(evidence).toEqual(bytesOf(4096));
      expect(received[0].bytes).toEqual(bytesOf(200, 101));
    });
  }
});
