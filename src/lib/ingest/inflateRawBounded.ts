/**
 * Raw DEFLATE data of an archive entry inflated in one synchronous call (fflate) into a buffer one byte longer
 * than the size the archive records, so a lying size shows as a full buffer and never costs memory. Used for
 * entries whose compressed size is at most SYNC_INFLATE_MAX_BYTES: a DecompressionStream per entry, with its
 * stream set-up and reads, cost more than the inflate itself on mail-sized entries (profiled in Chromium, a
 * parser's busy time over 10,000 bench messages fell from 27.0 to 23.6 s), and DEFLATE's ratio limit (about
 * 1032:1) bounds what a bomb of that compressed size can make fflate decode.
 */
import { inflateSync } from 'fflate';

/** 256 KiB compressed: at most about 260 MB decoded into nothing, a fraction of a second, for a bomb. */
export const SYNC_INFLATE_MAX_BYTES = 256 * 1024;

export type InflateOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'longer' | 'shorter' | 'corrupt'; detail: string };

export function inflateRawBounded(data: Uint8Array, expectedBytes: number): InflateOutcome {
  // fflate hands back its output buffer whole for empty input, which would read as "longer".
  if (data.length === 0) return { ok: false, problem: 'corrupt', detail: 'no compressed data' };
  const out = new Uint8Array(expectedBytes + 1);
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(data, { out });
  } catch (err) {
    return { ok: false, problem: 'corrupt', detail: err instanceof Error ? err.message : String(err) };
  }
  if (bytes.length > expectedBytes) return { ok: false, problem: 'longer', detail: '' };
  if (bytes.length < expectedBytes) return { ok: false, problem: 'shorter', detail: '' };
  return { ok: true, bytes };
}
