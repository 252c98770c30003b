/** Bytes as lower-case hex, by a table of the 256 byte spellings: digests of every file and attachment pass here. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += BYTE_HEX[b];
  return out;
}
