/**
 * Typed reads of a finding's `details` (plain JSON from the case database): a missing or mistyped value
 * reads as absent, so an older case file or a finding without that key still tells its story.
 */
type Details = Record<string, unknown>;

export const detailText = (d: Details, key: string): string | null => (typeof d[key] === 'string' ? (d[key] as string) : null);

export const detailNumber = (d: Details, key: string): number | null => (typeof d[key] === 'number' ? (d[key] as number) : null);

export const detailTexts = (d: Details, key: string): string[] =>
  Array.isArray(d[key]) ? (d[key] as unknown[]).filter((v): v is string => typeof v === 'string') : [];

export const detailObject = (d: Details, key: string): Details =>
  d[key] !== null && typeof d[key] === 'object' && !Array.isArray(d[key]) ? (d[key] as Details) : {};

/** A `{file, lineNo}` log position, as brute-force and logon findings record it. */
export function detailLine(value: unknown): { file: string; line: number } | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Details;
  return typeof v.file === 'string' && typeof v.lineNo === 'number' ? { file: v.file, line: v.lineNo } : null;
}

/** "a, b and c"; "a, b, c and 4 more" past `max`. */
export function listWords(items: string[], max = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
