/** The hMailServer message GUID `{8-4-4-4-12}` taken from a message file name (any case, .eml or .hma). */

const GUID_NAME = /\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?\.(?:eml|hma)$/i;

export function guidFromPath(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = GUID_NAME.exec(name);
  return m ? `{${m[1].toUpperCase()}}` : null;
}
