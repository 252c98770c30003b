import { describe, expect, it } from 'vitest';
import { clampSplit, SPLIT_MAX, SPLIT_MIN } from '../../src/ui/components/splitRatio.ts';
import { countNote } from '../../src/ui/queries/messageCountNote.ts';
import { databaseOnlyCountQuery } from '../../src/lib/store/queries/messageQueries.ts';
import { EMPTY_MESSAGE_FILTER } from '../../src/ui/queries/messages.ts';

describe('countNote', () => {
  it('explains rows that are database rows without a file', () => {
    expect(countNote(3, 167)).toBe('164 files + 3 database rows without a file');
    expect(countNote(1, 2)).toBe('1 file + 1 database row without a file');
  });
  it('says nothing when every row has its file', () => expect(countNote(0, 164)).toBe(''));
});

describe('databaseOnlyCountQuery', () => {
  it('counts database-only rows alone without a filter', () => {
    expect(databaseOnlyCountQuery(EMPTY_MESSAGE_FILTER)).toEqual({
      sql: "SELECT COUNT(*) FROM case_messages m WHERE m.location = 'database-only'",
      params: [],
    });
  });
  it('adds to the filter and keeps its parameters', () => {
    const q = databaseOnlyCountQuery({ ...EMPTY_MESSAGE_FILTER, account: 'bob@x.example' });
    expect(q.sql).toBe("SELECT COUNT(*) FROM case_messages m WHERE m.account = ? COLLATE NOCASE AND m.location = 'database-only'");
    expect(q.params).toEqual(['bob@x.example']);
  });
});

describe('clampSplit', () => {
  it('keeps both panes visible', () => {
    expect(clampSplit(0)).toBe(SPLIT_MIN);
    expect(clampSplit(1)).toBe(SPLIT_MAX);
    expect(clampSplit(0.42)).toBe(0.42);
    expect(clampSplit(Number.NaN)).toBe(0.5);
  });
});
