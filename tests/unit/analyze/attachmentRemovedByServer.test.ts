import { describe, it } from 'vitest';
import { attachmentRemovedByServer } from '../../../src/lib/analyze/attachmentRemovedByServer.ts';
import { attachment, buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0x12000001));
const NOTICE = 'The attachment setup.exe was blocked for delivery by the e-mail server. Please contact your system administrator if you have any questions regarding this.';

const cases: AnalyzerCase[] = [
  {
    name: 'setup.exe replaced by setup.exe.txt with the ATTACHMENT_REMOVED text: info',
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: NOTICE })] })] }),
    expected: [{ type: 'attachment-removed-by-server', severity: 'info', ref: { message: path }, details: { originalNames: ['setup.exe'] } }],
  },
  { name: 'a .txt without the notice text: nothing', input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'notes.exe.txt', textPreview: 'my notes' })] })] }), expected: [] },
  { name: 'the notice text in a non-.txt part: nothing', input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'x.html', textPreview: NOTICE })] })] }), expected: [] },
];

describe('attachmentRemovedByServer', () => {
  it.each(cases)('$name', (c) => {
    runCase(attachmentRemovedByServer, c);
  });
});
