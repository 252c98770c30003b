/** The bytes of a hex literal (X'…' or 0x…); an odd count of digits has an implied leading zero. */
export function sqlHexBytes(digits: string): Uint8Array {
  if (digits.length % 2 === 1) digits = '0' + digits;
  const out = new Uint8Array(digits.length / 2);
  for (let k = 0; k < out.length; k++) out[k] = parseInt(digits.slice(2 * k, 2 * k + 2), 16);
  return out;
}
