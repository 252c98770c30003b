/** The Timeline's named queries on a small case: the examiner's tag filter, and the bucket tables left out when it is set. */
import type { Database, SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseQuery, type QueryArgs, type QueryName } from '../../../../src/lib/store/queries/caseQueries.ts';
import { HmColumns } from '../../../../src/lib/store/queries/hmColumns.ts';
import { countedTableFor } from '../../../../src/lib/store/queries/timelineQueries.ts';
import { EMPTY_TIMELINE_FILTER } from '../../../../src/ui/queries/timeline.ts';
import { countTimelineBuckets } from '../../../../src/lib/store/timelineBuckets.ts';
import { emptyCaseDb } from '../../../ui-state/sqlClient.ts';

let db: Database;
const ALL = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 0, 1) };

function ask<K extends QueryName>(name: K, ...args: QueryArgs<K>): SqlValue[][] {
  const q = caseQuery(() => HmColumns.empty(), name, ...args);
  return db.exec(q.sql, q.params)[0]?.values ?? [];
}

beforeAll(async () => {
  db = await emptyCaseDb();
  db.run(`INSERT INTO case_timeline (time_utc, type, source, ref_message, ref_session, account, ip) VALUES
    ('2024-05-12T10:00:00.000Z', 'message-received', 'm', 'a.eml', NULL, NULL, NULL),
    ('2024-05-12T10:05:00.000Z', 'logon-failed', 'log:1', NULL, 's1', 'bob@x.example', '203.0.113.9'),
    ('2024-05-12T10:06:00.000Z', 'logon-ok', 'log:2', NULL, NULL, 'Carol@x.example', '198.51.100.1'),
    ('2024-05-12T11:00:00.000Z', 'message-received', 'm', 'b.eml', NULL, NULL, NULL)`);
  db.run("INSERT INTO case_bookmarks (path, tags, note, created_utc) VALUES ('a.eml', 'phish, vip', '', '2024-06-01T00:00:00.000Z')");
  db.run(`INSERT INTO case_annotations (kind, key, tags, note, created_utc) VALUES
    ('log-session', 's1', 'phish', '', '2024-06-01T00:00:00.000Z'), ('account', 'carol@x.example', 'phish', '', '2024-06-01T00:00:00.000Z'),
    ('account', 'bob@x.example', 'other', '', '2024-06-01T00:00:00.000Z')`);
  countTimelineBuckets(db);
});

describe('timeline tag filter', () => {
  it('keeps the events of a tagged message, log session or account (any case), and no other', () => {
    const phish = { ...EMPTY_TIMELINE_FILTER, tag: 'phish' };
    expect(ask('timelineEventPage', phish, ALL, 0, 50).map((r) => r[2])).toEqual(['message-received', 'logon-failed', 'logon-ok']);
    expect(ask('timelineEventCount', phish, ALL)).toEqual([[3]]);
    expect(ask('timelineEventCount', { ...EMPTY_TIMELINE_FILTER, tag: 'vip' }, ALL)).toEqual([[1]]);
    expect(ask('timelineEventCount', { ...EMPTY_TIMELINE_FILTER, tag: 'ph' }, ALL)).toEqual([[0]]);
  });

  it('reads the events, not the pre-counted buckets, and counts those outside the view under it', () => {
    const phish = { ...EMPTY_TIMELINE_FILTER, tag: 'phish' };
    expect(countedTableFor('day', EMPTY_TIMELINE_FILTER)).toBe('case_timeline_days');
    expect(countedTableFor('day', phish)).toBeNull();
    expect(ask('timelineBuckets', 'hour', phish, ALL)).toEqual([
      ['2024-05-12T10', 'logon-failed', 1],
      ['2024-05-12T10', 'logon-ok', 1],
      ['2024-05-12T10', 'message-received', 1],
    ]);
    const view = { start: Date.UTC(2024, 4, 12, 10, 4), end: Date.UTC(2024, 4, 12, 10, 6) };
    expect(ask('timelineOutsideCounts', phish, view)).toEqual([[1, 1]]);
    expect(ask('timelineOutsideCounts', EMPTY_TIMELINE_FILTER, view)).toEqual([[1, 2]]);
  });

  it('finds the dense range from placed times', () => {
    expect(ask('timelinePlacedCount')).toEqual([[4]]);
    expect(ask('timelineNthTime', 1)).toEqual([['2024-05-12T10:05:00.000Z']]);
    expect(ask('timelineFirstFrom', Date.UTC(2024, 4, 12, 10, 30))).toEqual([['2024-05-12T11:00:00.000Z']]);
    expect(ask('timelineLastUpTo', Date.UTC(2024, 4, 12, 10, 30))).toEqual([['2024-05-12T10:06:00.000Z']]);
  });
});
