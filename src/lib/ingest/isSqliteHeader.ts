/** The 16-byte header every SQLite 3 database file starts with (sqlite.org/fileformat.html §1.3.1). */

const SQLITE_MAGIC = [...'SQLite format 3\0'].map((c) => c.charCodeAt(0));

/** True when the bytes start with the SQLite 3 header; fewer than 16 bytes never do. */
export function isSqliteHeader(head: Uint8Array): boolean {
  return head.length >= SQLITE_MAGIC.length && SQLITE_MAGIC.every((b, i) => head[i] === b);
}
