/** The message view's named queries: a message's IOCs by whole path, and its relatives without itself. */
import type { Database, SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseQuery, type QueryArgs, type QueryName } from '../../../../src/lib/store/queries/caseQueries.ts';
import { HmColumns } from '../../../../src/lib/store/queries/hmColumns.ts';
import { emptyCaseDb } from '../../../ui-state/sqlClient.ts';

let db: Database;

function ask<K extends QueryName>(name: K, ...args: QueryArgs<K>): SqlValue[][] {
  const q = caseQuery(() => HmColumns.empty(), name, ...args);
  return db.exec(q.sql, q.params)[0]?.values ?? [];
}

beforeAll(async () => {
  db = await emptyCaseDb();
  db.run(`INSERT INTO case_messages (id, path, thread_id, message_id, sha256, date_utc) VALUES
    (1, 'a/100%_1.eml', 't1', '<m@x>', 'h1', '2024-05-12T10:00:00Z'), (2, 'a/100x21.eml', 't1', '<m@x>', 'h1', '2024-05-12T11:00:00Z'),
    (3, 'b/3.eml', 't2', '<n@x>', 'h3', '2024-05-12T12:00:00Z')`);
  db.run(`INSERT INTO case_iocs (kind, value, count, messages) VALUES
    ('url', 'http://a.example/', 2, 'a/100%_1.eml' || char(10) || 'b/3.eml'), ('ip', '203.0.113.9', 1, 'a/100x21.eml')`);
});

describe('message view queries', () => {
  it('lists the IOCs seen in the message: its path as a whole line, LIKE wildcards taken literally', () => {
    expect(ask('messageIocs', 'a/100%_1.eml')).toEqual([['url', 'http://a.example/', 2]]);
    expect(ask('messageIocs', 'b/3.eml')).toEqual([['url', 'http://a.example/', 2]]);
    expect(ask('messageIocs', 'b/3')).toEqual([]);
  });

  it('lists the relatives of a message without the message itself', () => {
    expect(ask('messageThread', 't1', 'a/100%_1.eml').map((r) => r[0])).toEqual(['a/100x21.eml']);
    expect(ask('sameMessageId', '<m@x>', 'a/100x21.eml').map((r) => r[0])).toEqual(['a/100%_1.eml']);
    expect(ask('sameBytes', 'h3', 'b/3.eml')).toEqual([]);
    expect(ask('messageSummary', 'b/3.eml')).toHaveLength(1);
  });
});
