/**
 * Decrypts hMailServer's reversible secrets (ini [Database] Password, fetch-account, route and relay
 * passwords, accounts with accountpwencryption 1): Blowfish ECB with the fixed key THIS_KEY_IS_NOT_SECRET,
 * zero padding, lowercase hex. hMailServer's Blowfish (C/Util/BlowFish.cpp, ORDER_DCBA) loads each 4-byte
 * half of a block as a little-endian DWORD, so every word is byte-swapped compared with standard Blowfish.
 */
import { blowfishPiTables } from './blowfishPiTables.ts';

const KEY = 'THIS_KEY_IS_NOT_SECRET';
/** hMailServer decrypts into a 255-byte buffer: longer input is not something it wrote. */
const MAX_CIPHER_BYTES = 255;

interface Schedule {
  p: Uint32Array;
  s0: Uint32Array;
  s1: Uint32Array;
  s2: Uint32Array;
  s3: Uint32Array;
}

let schedule: Schedule | null = null;

function f(k: Schedule, x: number): number {
  return ((((k.s0[x >>> 24] + k.s1[(x >>> 16) & 255]) >>> 0) ^ k.s2[(x >>> 8) & 255]) + k.s3[x & 255]) >>> 0;
}

function encipher(k: Schedule, block: Uint32Array): void {
  let l = block[0] ^ k.p[0];
  let r = block[1];
  for (let i = 1; i <= 16; i += 2) {
    r = (r ^ f(k, l) ^ k.p[i]) >>> 0;
    l = (l ^ f(k, r) ^ k.p[i + 1]) >>> 0;
  }
  block[0] = (r ^ k.p[17]) >>> 0;
  block[1] = l >>> 0;
}

function decipher(k: Schedule, block: Uint32Array): void {
  let l = block[0] ^ k.p[17];
  let r = block[1];
  for (let i = 16; i >= 1; i -= 2) {
    r = (r ^ f(k, l) ^ k.p[i]) >>> 0;
    l = (l ^ f(k, r) ^ k.p[i - 1]) >>> 0;
  }
  block[0] = (r ^ k.p[0]) >>> 0;
  block[1] = l >>> 0;
}

function keySchedule(): Schedule {
  if (schedule) return schedule;
  const init = blowfishPiTables();
  const k: Schedule = {
    p: init.p.slice(),
    s0: init.s.slice(0, 256),
    s1: init.s.slice(256, 512),
    s2: init.s.slice(512, 768),
    s3: init.s.slice(768, 1024),
  };
  const key = new TextEncoder().encode(KEY);
  for (let i = 0, j = 0; i < 18; i++, j = (j + 4) % key.length) {
    const word = (key[j] << 24) | (key[(j + 1) % key.length] << 16) | (key[(j + 2) % key.length] << 8) | key[(j + 3) % key.length];
    k.p[i] = (k.p[i] ^ word) >>> 0;
  }
  const block = new Uint32Array(2);
  const fill = (target: Uint32Array) => {
    for (let i = 0; i < target.length; i += 2) {
      encipher(k, block);
      target[i] = block[0];
      target[i + 1] = block[1];
    }
  };
  fill(k.p);
  for (const box of [k.s0, k.s1, k.s2, k.s3]) fill(box);
  schedule = k;
  return k;
}

/** The plaintext, or null when the value is not hex that hMailServer could have written. */
export function blowfishDecrypt(hex: string): string | null {
  const clean = hex.trim();
  if (clean === '') return '';
  if (!/^[0-9a-fA-F]+$/.test(clean) || clean.length % 2 !== 0 || clean.length / 2 > MAX_CIPHER_BYTES) return null;
  const bytes = new Uint8Array(Math.ceil(clean.length / 16) * 8);
  for (let i = 0; i < clean.length / 2; i++) bytes[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  const k = keySchedule();
  const view = new DataView(bytes.buffer);
  const block = new Uint32Array(2);
  for (let at = 0; at < bytes.length; at += 8) {
    block[0] = view.getUint32(at, true);
    block[1] = view.getUint32(at + 4, true);
    decipher(k, block);
    view.setUint32(at, block[0], true);
    view.setUint32(at + 4, block[1], true);
  }
  const end = bytes.indexOf(0);
  return new TextDecoder('windows-1252').decode(bytes.subarray(0, end < 0 ? bytes.length : end));
}
