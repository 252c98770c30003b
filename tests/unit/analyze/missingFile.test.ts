import { describe, it } from 'vitest';
import { missingFile } from '../../../src/lib/analyze/missingFile.ts';
import { buildCase, database, dbMessage, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const present = mailboxPath('alice@northwind.example', guid(0x26000001));
const gone = mailboxPath('alice@northwind.example', guid(0x5b000002));
const db = database({ messages: [dbMessage(0x26000001, { uid: 1 }), dbMessage(0x5b000002, { uid: 2, size: 435, createTime: '2024-05-11 08:00:00' })] });

const cases: AnalyzerCase[] = [
  {
    name: 'a row without its file names the path the database implies',
    input: buildCase({ database: db, messages: [message(present)] }),
    expected: [{ type: 'missing-file', severity: 'medium', ref: { message: gone, account: 'alice@northwind.example' }, details: { dbMessageId: 0x5b000002, folder: 'INBOX', uid: 2, size: 435 } }],
  },
  {
    name: 'a queue row without its file points to the Data root',
    input: buildCase({ database: database({ messages: [dbMessage(0x26000001), dbMessage(0x43000001, { accountId: 0, folderId: 0, type: 1 })] }), messages: [message(present)] }),
    expected: [{ type: 'missing-file', ref: { message: `hMailServer/Data/${guid(0x43000001)}.eml` }, details: { type: 1 } }],
  },
  {
    name: 'a file at the row\'s path that is not a message is not "missing" (evidence-damaged reports it)',
    input: buildCase({
      database: db,
      messages: [message(present)],
      inventory: [{ path: gone, kind: 'other', format: 'unknown', size: 4, md5: '', sha256: '', status: 'skipped', error: 'unrecognised binary content' }],
    }),
    expected: [],
  },
  { name: 'all files present: nothing', input: buildCase({ database: db, messages: [message(present), message(gone)] }), expected: [] },
  { name: 'no store folder in the evidence at all: not reported row by row', input: buildCase({ database: db, messages: [message('loose.eml')] }), expected: [] },
];

describe('missingFile', () => {
  it.each(cases)('$name', (c) => {
    runCase(missingFile, c);
  });
});
