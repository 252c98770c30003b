/** Code-unit string order: locale-independent, so results are the same bytes on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
