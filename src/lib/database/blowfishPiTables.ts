/**
 * Blowfish's initial P-array and S-boxes are the fractional hexadecimal digits of pi. They are computed
 * once (Machin's formula in BigInt fixed point, a few tens of ms) instead of being pasted as a table.
 */

/** 18 P words + 4 × 256 S words, 8 hex digits each. */
const WORDS = 18 + 4 * 256;
const HEX_DIGITS = WORDS * 8;
/** Extra bits so the truncation error of the series never reaches the digits used. */
const GUARD_BITS = 64n;

export interface BlowfishInit {
  p: Uint32Array;
  s: Uint32Array;
}

let cached: BlowfishInit | null = null;

function arctanInverse(x: bigint, scale: bigint): bigint {
  const x2 = x * x;
  let power = scale / x;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= x2;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

export function blowfishPiTables(): BlowfishInit {
  if (cached) return cached;
  const bits = BigInt(HEX_DIGITS * 4) + GUARD_BITS;
  const scale = 1n << bits;
  const pi = 16n * arctanInverse(5n, scale) - 4n * arctanInverse(239n, scale);
  const fraction = (pi - 3n * scale) >> GUARD_BITS;
  const hex = fraction.toString(16).padStart(HEX_DIGITS, '0');
  const words = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) words[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  cached = { p: words.slice(0, 18), s: words.slice(18) };
  return cached;
}
