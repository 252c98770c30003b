/**
 * Pre-counted timeline buckets: events per (day | hour | minute, type), counted once in the case database
 * when the timeline is written or a case file is opened. A wide view of a million events then sums a few
 * thousand counts instead of grouping every event, so zoom and pan stay within a frame (issue 11); views
 * finer than a minute, or filtered by account, IP or finding, still read the events (few by then).
 * Each table is counted from the next finer one, so case_timeline is grouped once.
 */
import type { Database } from 'sql.js';

interface BucketTable {
  table: 'case_timeline_days' | 'case_timeline_hours' | 'case_timeline_minutes';
  /** Characters of the ISO UTC time that name one bucket (as the Timeline tab's levels). */
  prefix: 10 | 13 | 16;
}

/** Finest first. */
const BUCKET_TABLES: readonly BucketTable[] = [
  { table: 'case_timeline_minutes', prefix: 16 },
  { table: 'case_timeline_hours', prefix: 13 },
  { table: 'case_timeline_days', prefix: 10 },
];

export const TIMELINE_BUCKETS_SCHEMA = BUCKET_TABLES.map(
  ({ table }) => `CREATE TABLE IF NOT EXISTS ${table} (bucket TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (bucket, type)) WITHOUT ROWID;`,
).join('\n');

/**
 * Recounts every bucket table from case_timeline (events without a UTC time are not placed). The tables are
 * part of CASE_SCHEMA, so they live where the case's other tables do (liveCaseSchema.ts).
 */
export function countTimelineBuckets(db: Database): void {
  let finer: BucketTable | null = null;
  for (const bucket of BUCKET_TABLES) {
    const { table, prefix } = bucket;
    db.exec(`DELETE FROM ${table}`);
    db.exec(
      finer
        ? `INSERT INTO ${table} SELECT substr(bucket, 1, ${prefix}), type, SUM(n) FROM ${finer.table} GROUP BY 1, 2`
        : `INSERT INTO ${table} SELECT substr(time_utc, 1, ${prefix}), type, COUNT(*) FROM case_timeline WHERE time_utc IS NOT NULL GROUP BY 1, 2`,
    );
    finer = bucket;
  }
}

/** A case file written before the bucket tables existed (or edited since) gets them counted on open. */
export function ensureTimelineBuckets(db: Database): void {
  const counted = db.exec('SELECT (SELECT COALESCE(SUM(n), 0) FROM case_timeline_days), (SELECT COUNT(*) FROM case_timeline WHERE time_utc IS NOT NULL)');
  const [inTables, placed] = counted[0]?.values[0] ?? [0, 0];
  if (Number(inTables) !== Number(placed)) countTimelineBuckets(db);
}
