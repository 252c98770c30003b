import { describe, it } from 'vitest';
import { duplicateMessage } from '../../../src/lib/analyze/duplicateMessage.ts';
import { buildCase, database, dbMessage, folder, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const inbox = mailboxPath('carol@northwind.example', guid(0x88000001));
const trash = mailboxPath('carol@northwind.example', guid(0xea000002));
const other = mailboxPath('alice@northwind.example', guid(0x10000003));
const id = '<newsletter-2024-05@contoso.example>';
const db = database({
  accounts: [...database().accounts, { ...database().accounts[0], id: 3, address: 'carol@northwind.example' }],
  folders: [folder(7, 3, 'INBOX', 11), folder(9, 3, 'Trash', 1)],
  messages: [dbMessage(0x88000001, { accountId: 3, folderId: 7, createTime: '2024-05-11 08:00:00' }), dbMessage(0xea000002, { accountId: 3, folderId: 9, createTime: '2024-05-11 08:00:00' })],
});

const cases: AnalyzerCase[] = [
  {
    name: 'byte-identical copies (IMAP COPY): one low finding, ref the first path in order',
    input: buildCase({ database: db, messages: [message(trash, { messageId: id, sha256: 'a'.repeat(64) }), message(inbox, { messageId: id, sha256: 'a'.repeat(64) })] }),
    expected: [{ type: 'duplicate-message', severity: 'low', ref: { message: inbox }, details: { paths: [inbox, trash], identicalBytes: true, sameContent: true } }],
  },
  {
    name: 'same Message-ID, different body: one copy may be altered (medium)',
    input: buildCase({ messages: [message(inbox, { messageId: id, sha256: 'a'.repeat(64), text: 'pay 100' }), message(other, { messageId: id, sha256: 'b'.repeat(64), text: 'pay 9000' })] }),
    expected: [{ type: 'duplicate-message', severity: 'medium', ref: { message: other }, details: { identicalBytes: false, sameContent: false } }],
  },
  {
    name: 'delivered to two mailboxes: only trace headers differ (low)',
    input: buildCase({ messages: [message(inbox, { messageId: id, sha256: 'a'.repeat(64), deliveredTo: 'carol@northwind.example' }), message(other, { messageId: id, sha256: 'b'.repeat(64), deliveredTo: 'alice@northwind.example' })] }),
    expected: [{ type: 'duplicate-message', severity: 'low', details: { identicalBytes: false, sameContent: true } }],
  },
  { name: 'distinct Message-IDs: nothing', input: buildCase({ messages: [message(inbox), message(trash)] }), expected: [] },
  { name: 'messages without a Message-ID are not grouped', input: buildCase({ messages: [message(inbox, { messageId: null }), message(trash, { messageId: null })] }), expected: [] },
];

describe('duplicateMessage', () => {
  it.each(cases)('$name', (c) => {
    runCase(duplicateMessage, c);
  });
});
