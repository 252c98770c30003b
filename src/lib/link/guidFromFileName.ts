/** The `{GUID}` hMailServer names message files by (hmailserver.md §3.1), from a file name or a legacy full path. */

const GUID = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/i;

/** `{XXXXXXXX-…}` upper case with braces, taken from the last path segment only; null when it has none. */
export function guidFromFileName(name: string): string | null {
  const last = name.split(/[\\/]/).pop() ?? '';
  const m = GUID.exec(last);
  return m ? m[0].toUpperCase() : null;
}
