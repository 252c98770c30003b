import { describe, expect, it } from 'vitest';
import { uidGap } from '../../../src/lib/analyze/uidGap.ts';
import { buildCase, database, dbMessage, folder } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const rows = (uids: number[], folderId = 1, accountId = 1) => uids.map((uid, i) => dbMessage(1000 + folderId * 100 + i, { uid, folderId, accountId }));

const hugeCounter: AnalyzerCase = {
  name: 'a huge counter lists at most 1000 UIDs but counts them all',
  input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX', 1_000_000)], messages: rows([1]) }) }),
  expected: [{ details: { missingCount: 999_999, ranges: ['2-1000000'] } }],
};

const cases: AnalyzerCase[] = [
  {
    name: 'a hole in INBOX (the sample: UID 5 expunged)',
    input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX', 17)], messages: rows([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) }) }),
    expected: [{ type: 'uid-gap', severity: 'low', ref: { account: 'alice@northwind.example' }, details: { folder: 'INBOX', missing: [5], missingCount: 1, ranges: ['5'], currentUid: 17, maxUid: 17 } }],
  },
  {
    name: 'foldercurrentuid above the largest UID: the newest messages were removed',
    input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX.Invoices', 6)], messages: rows([1, 2, 3]) }) }),
    expected: [{ type: 'uid-gap', details: { folder: 'INBOX.Invoices', missing: [4, 5, 6], ranges: ['4-6'] } }],
  },
  {
    name: 'leading UIDs missing and an emptied folder',
    input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX', 4), folder(2, 2, 'Trash', 2)], messages: rows([3, 4]) }) }),
    expected: [
      { ref: { account: 'alice@northwind.example' }, details: { folder: 'INBOX', missing: [1, 2] } },
      { ref: { account: 'bob@northwind.example' }, details: { folder: 'Trash', missing: [1, 2], messageCount: 0, maxUid: null } },
    ],
  },
  {
    name: 'UIDs equal to message ids (5.2 upgrade): info only',
    input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX', 30)], messages: [dbMessage(10, { uid: 10 }), dbMessage(30, { uid: 30 })] }) }),
    expected: [{ severity: 'info', details: { uidsFromMessageIds: true, missingCount: 28 } }],
  },
  hugeCounter,
  { name: 'contiguous UIDs up to the counter: nothing', input: buildCase({ database: database({ folders: [folder(1, 1, 'INBOX', 3)], messages: rows([1, 2, 3]) }) }), expected: [] },
  { name: 'a never-used folder: nothing', input: buildCase({ database: database({ folders: [folder(1, 1, 'Sent', 0)] }) }), expected: [] },
];

describe('uidGap', () => {
  it.each(cases)('$name', (c) => {
    runCase(uidGap, c);
  });

  it('stops the list of a huge counter at 1000 UIDs', () => {
    const [finding] = runCase(uidGap, hugeCounter);
    expect(finding.details.missing).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
  });
});
