/** How an exposed secret is shown until the examiner asks to reveal it: a hint of its start, never its length. */

const SHOWN = 2;
/** Secrets shorter than this show no character at all: two of four would give half of it away. */
const MIN_LENGTH_TO_HINT = 8;
const MASK = '*******';

export function maskSecret(secret: string): string {
  const chars = [...secret];
  return chars.length >= MIN_LENGTH_TO_HINT ? `${chars.slice(0, SHOWN).join('')}${MASK}` : MASK;
}
