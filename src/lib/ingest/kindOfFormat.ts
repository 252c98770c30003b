/** The coarse inventory kind (findings-schema.md) of each sniffed format. */
import type { EntryFormat, EntryKind } from '../model/inventoryEntry.ts';

const KIND: Record<EntryFormat, EntryKind> = {
  eml: 'message',
  hma: 'message',
  'hmail-log': 'log',
  'hmail-error-log': 'log',
  'hmail-awstats-log': 'log',
  'hmail-events-log': 'log',
  'hmail-backup-log': 'log',
  'hmail-ini': 'ini',
  sqlite: 'database',
  sdf: 'database',
  'case-file': 'database',
  'hmail-backup-xml': 'database',
  'mysql-dump': 'dump',
  'pgsql-dump': 'dump',
  'mssql-script': 'dump',
  zip: 'archive',
  '7z': 'archive',
  'dns-zone': 'other',
  empty: 'other',
  unknown: 'other',
};

export function kindOfFormat(format: EntryFormat): EntryKind {
  return KIND[format];
}
