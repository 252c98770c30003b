/** One row of the evidence inventory: every input file and every archive entry gets exactly one. */

/** The coarse kinds of findings-schema.md. */
export type EntryKind = 'message' | 'log' | 'ini' | 'database' | 'dump' | 'archive' | 'other';

/** What the content sniffing decided the entry is; finer than `kind`. */
export type EntryFormat =
  | 'eml'
  | 'hma'
  | 'hmail-log'
  | 'hmail-error-log'
  | 'hmail-awstats-log'
  | 'hmail-events-log'
  | 'hmail-backup-log'
  | 'hmail-ini'
  | 'sqlite'
  | 'sdf'
  | 'mysql-dump'
  | 'pgsql-dump'
  | 'mssql-script'
  | 'hmail-backup-xml'
  | 'zip'
  | '7z'
  | 'dns-zone'
  | 'case-file'
  | 'empty'
  | 'unknown';

export type EntryStatus = 'ok' | 'error' | 'skipped';

export interface InventoryEntry {
  /** Evidence-relative path, forward slashes; nested archive entries are `outer.zip/inner.zip/path`. */
  path: string;
  kind: EntryKind;
  format: EntryFormat;
  size: number;
  md5: string;
  /** Set for every entry whose content was read; not part of findings.json (its inventory keeps md5 and sha256). */
  sha1?: string;
  sha256: string;
  status: EntryStatus;
  /** Why, only when status is not ok. */
  error?: string;
  /** Path of the archive this entry came from; absent for dropped files. */
  container?: string;
  /**
   * Set when the entry was refused to protect the analysis rather than because it is unreadable: `limit`
   * for a resource limit (zip bomb pattern, expansion budget), `overlap` for data shared with another entry.
   */
  refused?: 'limit' | 'overlap';
  /** Modification time from the archive or file system: ISO UTC ("…Z"), a naive local wall-clock time for plain DOS zip times (no zone recorded), or null. */
  modified?: string | null;
}
