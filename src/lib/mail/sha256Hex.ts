/**
 * SHA-256 of bytes as lower-case hex. hash-wasm, one instance per worker: WebCrypto's digest hops to
 * another thread per call, which cost more than the hash itself for the many small inputs of a run
 * (a body digest and the attachments of every message).
 */
import { createSHA256, type IHasher } from 'hash-wasm';

let instance: Promise<IHasher> | null = null;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  instance ??= createSHA256();
  const hasher = await instance;
  // init → update → digest runs without a pause, so callers interleaving on the event loop cannot mix.
  hasher.init();
  hasher.update(bytes);
  return hasher.digest('hex');
}
