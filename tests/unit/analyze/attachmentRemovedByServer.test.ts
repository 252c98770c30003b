import { describe, expect, it } from 'vitest';
import { attachmentRemovedByServer } from '../../../src/lib/analyze/attachmentRemovedByServer.ts';
import { attachment, buildCase, database, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0x12000001));
const NOTICE = 'The attachment setup.exe was blocked for delivery by the e-mail server. Please contact your system administrator if you have any questions regarding this.';

const cases: AnalyzerCase[] = [
  {
    name: 'setup.exe replaced by setup.exe.txt with the ATTACHMENT_REMOVED text: info',
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: NOTICE })] })] }),
    expected: [{ type: 'attachment-removed-by-server', severity: 'info', ref: { message: path }, details: { originalNames: ['setup.exe'] } }],
  },
  {
    name: "this server's customised ATTACHMENT_REMOVED text (hm_servermessages), macro as wildcard",
    input: buildCase({
      database: database({ serverMessages: { ATTACHMENT_REMOVED: 'Der Anhang %MACRO_FILE% wurde vom Mailserver entfernt.\r\n\r\nIT-Abteilung' } }),
      messages: [message(path, { attachments: [attachment({ filename: 'rechnung.js.txt', contentType: 'text/plain', detectedType: 'text', textPreview: 'Der Anhang rechnung.js wurde vom Mailserver entfernt.\n\nIT-Abteilung' })] })],
    }),
    expected: [{ type: 'attachment-removed-by-server', details: { originalNames: ['rechnung.js'] } }],
  },
  {
    name: 'the customised wording without that template on record: nothing',
    input: buildCase({ database: database(), messages: [message(path, { attachments: [attachment({ filename: 'rechnung.js.txt', textPreview: 'Der Anhang rechnung.js wurde vom Mailserver entfernt.' })] })] }),
    expected: [],
  },
  {
    name: 'a notice inside an attached message names that message',
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: NOTICE, container: 'fwd.eml' })] })] }),
    expected: [{ summary: expect.stringContaining('removed setup.exe inside the attached message fwd.eml from'), details: { originalNames: ['setup.exe'], containers: ['fwd.eml'] } }],
  },
  { name: 'a .txt without the notice text: nothing', input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'notes.exe.txt', textPreview: 'my notes' })] })] }), expected: [] },
  { name: 'the notice text in a non-.txt part: nothing', input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'x.html', textPreview: NOTICE })] })] }), expected: [] },
];

describe('attachmentRemovedByServer', () => {
  it.each(cases)('$name', (c) => {
    runCase(attachmentRemovedByServer, c);
  });
});
