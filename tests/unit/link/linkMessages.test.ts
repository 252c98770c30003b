import { describe, expect, it } from 'vitest';
import { linkMessages } from '../../../src/lib/link/linkMessages.ts';
import type { MessageLink } from '../../../src/lib/model/caseData.ts';
import { account, buildCase, database, dbMessage, folder, guid, ini, mailboxPath, message } from '../analyze/caseBuilder.ts';

const G1 = guid(0x3a000001);
const G2 = guid(0x3a000002);

function linkOf(paths: string[], extra: Parameters<typeof buildCase>[0] = {}): MessageLink[] {
  const { links: _ignored, ...rest } = buildCase({ messages: paths.map((p) => message(p)), ...extra });
  return linkMessages(rest);
}

const cases: { name: string; paths: string[]; extra?: Parameters<typeof buildCase>[0]; expected: Partial<MessageLink>[] }[] = [
  {
    name: 'mailbox file linked to its row: account, folder, flags, uid, create time, size',
    paths: [mailboxPath('alice@northwind.example', G1)],
    extra: { database: database({ messages: [dbMessage(7, { fileName: `${G1}.eml`, uid: 4, flags: 1, size: 612, createTime: '2024-05-07 10:00:00' })] }) },
    expected: [{ location: 'mailbox', accountFromPath: 'alice@northwind.example', dbMessageId: 7, account: 'alice@northwind.example', folder: 'INBOX', flags: 1, uid: 4, createTime: '2024-05-07 10:00:00', dbSize: 612, queued: false }],
  },
  {
    name: 'queue file in the Data root linked to a type-1 row',
    paths: [`hMailServer/Data/${G1}.eml`],
    extra: { database: database({ messages: [dbMessage(9, { fileName: `${G1}.eml`, accountId: 0, folderId: 0, type: 1, uid: 0 })] }) },
    expected: [{ location: 'queue', accountFromPath: null, dbMessageId: 9, account: null, folder: null, uid: null, queued: true }],
  },
  {
    name: 'public folder file under #Public linked to an account-0 row',
    paths: [`hMailServer/Data/#Public/3A/${G1}.eml`],
    extra: { database: database({ folders: [folder(30, 0, 'Shared', 2)], messages: [dbMessage(11, { fileName: `${G1}.eml`, accountId: 0, folderId: 30, uid: 2 })] }) },
    expected: [{ location: 'public', dbMessageId: 11, account: null, folder: 'Shared', uid: 2, queued: false }],
  },
  {
    name: 'legacy full Windows path in messagefilename still links by GUID',
    paths: [mailboxPath('bob@northwind.example', G2)],
    extra: { database: database({ messages: [dbMessage(5, { accountId: 2, folderId: 2, fileName: `C:\\Program Files\\hMailServer\\Data\\northwind.example\\bob\\${G2}.eml` })] }) },
    expected: [{ dbMessageId: 5, account: 'bob@northwind.example', folder: 'INBOX' }],
  },
  {
    name: 'without a database a file still gets its account from the path',
    paths: [mailboxPath('carol@northwind.example', G1)],
    expected: [{ location: 'mailbox', accountFromPath: 'carol@northwind.example', dbMessageId: null, account: null, queued: false }],
  },
  {
    name: 'any evidence prefix: the Data segment is found, not assumed at the top',
    paths: [`case-17/image.zip/Program Files/hMailServer/Data/northwind.example/alice/3A/${G1}.eml`],
    expected: [{ location: 'mailbox', accountFromPath: 'alice@northwind.example' }],
  },
  {
    name: 'a mailbox named "data" under the real Data folder is not taken for the root',
    paths: [`hMailServer/Data/northwind.example/data/3A/${G1}.eml`],
    expected: [{ location: 'mailbox', accountFromPath: 'data@northwind.example' }],
  },
  {
    name: 'the ini DataFolder name is used when the store is not called Data',
    paths: [`evidence/MailStore/northwind.example/alice/3A/${G1}.eml`, `evidence/MailStore/${G2}.eml`],
    extra: { ini: ini({ dataFolder: 'D:\\MailStore' }) },
    expected: [
      { path: `evidence/MailStore/northwind.example/alice/3A/${G1}.eml`, location: 'mailbox', accountFromPath: 'alice@northwind.example' },
      { path: `evidence/MailStore/${G2}.eml`, location: 'queue', queued: true },
    ],
  },
  {
    name: 'ArchiveDir copies are archive, never linked to a row even with a matching GUID',
    paths: [`E/MailArchive/northwind.example/alice/Sent-${G1}.eml`],
    extra: { ini: ini({ archiveDir: 'E:\\MailArchive' }), database: database({ messages: [dbMessage(7, { fileName: `${G1}.eml` })] }) },
    expected: [{ location: 'archive', accountFromPath: 'alice@northwind.example', dbMessageId: null }],
  },
  {
    name: 'a loose dropped file with no store layout',
    paths: ['suspicious.eml'],
    expected: [{ location: 'loose', accountFromPath: null, dbMessageId: null, queued: false }],
  },
  {
    name: 'orphan in a mailbox folder: no row, still mailbox',
    paths: [mailboxPath('alice@northwind.example', G2)],
    extra: { database: database({ messages: [dbMessage(7, { fileName: `${G1}.eml` })] }) },
    expected: [{ location: 'mailbox', dbMessageId: null, account: null, accountFromPath: 'alice@northwind.example' }],
  },
];

describe('linkMessages', () => {
  it.each(cases)('$name', ({ paths, extra, expected }) => {
    const links = linkOf(paths, extra);
    expect(links).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(links[i]).toMatchObject(e));
  });

  it('links inventory message files that have no parsed message, sorted by path', () => {
    const { links: _ignored, ...rest } = buildCase({
      messages: [message(mailboxPath('bob@northwind.example', G2))],
      extraInventory: [{ path: mailboxPath('alice@northwind.example', G1), kind: 'message', format: 'eml', size: 10, md5: '', sha256: '', status: 'error', error: 'truncated' }],
      database: database({ accounts: [account(1, 'alice@northwind.example')], messages: [dbMessage(7, { fileName: `${G1}.eml` })] }),
    });
    const links = linkMessages(rest);
    expect(links.map((l) => l.path)).toEqual([mailboxPath('alice@northwind.example', G1), mailboxPath('bob@northwind.example', G2)]);
    expect(links[0].dbMessageId).toBe(7);
  });
});
