import { describe, it } from 'vitest';
import { orphanFile } from '../../../src/lib/analyze/orphanFile.ts';
import { buildCase, database, dbMessage, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const linked = mailboxPath('alice@northwind.example', guid(0x26000001));
const orphan = mailboxPath('alice@northwind.example', guid(0x61000002));
const queueOrphan = `hMailServer/Data/${guid(0x39000003)}.eml`;
const db = database({ messages: [dbMessage(0x26000001)] });

const cases: AnalyzerCase[] = [
  {
    name: 'mailbox file without a row is an orphan (medium)',
    input: buildCase({ database: db, messages: [message(linked), message(orphan)] }),
    expected: [{ type: 'orphan-file', severity: 'medium', ref: { message: orphan, account: 'alice@northwind.example' }, details: { location: 'mailbox' } }],
  },
  {
    name: 'queue file without a row is a low-severity queue remnant',
    input: buildCase({ database: db, messages: [message(linked), message(queueOrphan)] }),
    expected: [{ type: 'orphan-file', severity: 'low', ref: { message: queueOrphan }, details: { location: 'queue' } }],
  },
  { name: 'every file has its row: nothing', input: buildCase({ database: db, messages: [message(linked)] }), expected: [] },
  { name: 'loose and archive files are never orphans', input: buildCase({ database: db, messages: [message(linked), message('dropped/suspicious.eml')] }), expected: [] },
];

describe('orphanFile', () => {
  it.each(cases)('$name', (c) => {
    runCase(orphanFile, c);
  });
});
