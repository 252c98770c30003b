import { describe, expect, it } from 'vitest';
import { expectedPathForDbMessage } from '../../../src/lib/link/expectedPathForDbMessage.ts';
import type { DbMessage } from '../../../src/lib/model/hmailDatabase.ts';
import { database, dbMessage } from '../analyze/caseBuilder.ts';

const G = '{5B05D557-8AC3-4465-8128-09A90202683C}';
const db = database();

const cases: { name: string; row: DbMessage; root: string; expected: string }[] = [
  { name: 'mailbox row: domain/localpart/first two GUID digits', row: dbMessage(1039, { fileName: `${G}.eml` }), root: 'hMailServer/Data', expected: `hMailServer/Data/northwind.example/alice/5B/${G}.eml` },
  { name: 'queue row (folder 0) lives in the root', row: dbMessage(1043, { fileName: `${G}.eml`, accountId: 0, folderId: 0, type: 1 }), root: 'hMailServer/Data', expected: `hMailServer/Data/${G}.eml` },
  { name: 'ETRN-held row: account id is a route id, folder 0, still the root', row: dbMessage(1, { fileName: `${G}.eml`, accountId: 3, folderId: 0, type: 3 }), root: 'Data', expected: `Data/${G}.eml` },
  { name: 'public folder row goes under #Public', row: dbMessage(2, { fileName: `${G}.eml`, accountId: 0, folderId: 30 }), root: 'Data/', expected: `Data/#Public/5B/${G}.eml` },
  { name: 'legacy full path is re-rooted at the evidence store', row: dbMessage(3, { accountId: 2, fileName: `C:\\Program Files\\hMailServer\\Data\\northwind.example\\bob\\${G}.eml` }), root: 'x/Data', expected: `x/Data/northwind.example/bob/${G}.eml` },
];

describe('expectedPathForDbMessage', () => {
  it.each(cases)('$name', ({ row, root, expected }) => {
    expect(expectedPathForDbMessage(db, row, root)).toBe(expected);
  });
});
