/**
 * The message GUID hMailServer names a message file by, from the file's evidence path or from the
 * hm_messages.messagefilename of its row. The name is StringFromGUID2 output plus the extension, so braces and
 * `.eml` (or `.hma` before 5.x) are part of the rule; an archive copy may put `Sent-` in front (hmailserver.md
 * §3.1, §3.2, §3.6). A `{GUID}.eml.tmp` leftover is not the message file.
 */

const GUID_NAME = /(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})\.(?:eml|hma)$/i;

/** `{XXXXXXXX-…}` upper case with braces, from the last path segment only (either slash); null when it has none. */
export function guidFromPath(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = GUID_NAME.exec(name);
  return m ? m[1].toUpperCase() : null;
}
