/** A numeric literal: an integer beyond 2^53 stays exact as a bigint, anything else is a number. */
export function sqlNumber(text: string): number | bigint {
  if (/^[-+]?\d+$/.test(text)) {
    if (text.replace(/^[-+]/, '').length <= 15) return Number(text);
    const big = BigInt(text);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  return Number(text);
}
