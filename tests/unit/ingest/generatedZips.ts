/** Builds the generated zip fixtures (tests/generate/zipFixtures.mjs) on first use and reads them. */
import { execFileSync } from 'node:child_process';
import { fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
let dir: string | null = null;

export function generatedDir(): string {
  dir ??= execFileSync(process.execPath, [join(REPO, 'tests/generate/zipFixtures.mjs')], { encoding: 'utf8' }).trim().split('\n').pop()!;
  return dir;
}

export function generatedBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(join(generatedDir(), name)));
}

export function generatedFile(name: string): File {
  return new File([generatedBytes(name)], name);
}

/**
 * A Blob stand-in over a byte range of a file on disk, read only where sliced. Node 20's
 * `fs.openAsBlob` reports the size of a file above 4 GiB modulo 2^32, so it cannot stand for a
 * browser File of that size; this offers what the zip reader uses: size, slice, arrayBuffer, stream.
 */
class FileRange {
  constructor(
    private readonly fd: number,
    private readonly start: number,
    readonly size: number,
  ) {}

  slice(from = 0, to = this.size): FileRange {
    const a = Math.min(Math.max(0, from), this.size);
    const b = Math.min(Math.max(a, to), this.size);
    return new FileRange(this.fd, this.start + a, b - a);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const out = new Uint8Array(this.size);
    for (let done = 0; done < this.size; ) done += readSync(this.fd, out, done, this.size - done, this.start + done);
    return out.buffer;
  }

  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream({
      pull: async (controller) => {
        controller.enqueue(new Uint8Array(await this.arrayBuffer()));
        controller.close();
      },
    });
  }
}

export function generatedLargeBlob(name: string): Blob {
  const fd = openSync(join(generatedDir(), name), 'r');
  return new FileRange(fd, 0, fstatSync(fd).size) as unknown as Blob;
}
