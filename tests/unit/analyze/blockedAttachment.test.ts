import { describe, expect, it } from 'vitest';
import { blockedAttachment } from '../../../src/lib/analyze/blockedAttachment.ts';
import { attachment, buildCase, database, guid, mailboxPath, message, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0xc7000001));
const exe = attachment({ filename: 'invoice.pdf.exe', contentType: 'application/pdf', detectedType: 'pe-executable' });
const sampleList = database({
  blockedAttachments: [{ wildcard: '*.exe', description: 'Executable' }, { wildcard: '*.js', description: 'JScript' }],
  settings: setting('enableattachmentblocking', 0),
});

const cases: AnalyzerCase[] = [
  {
    name: 'an .exe in a mailbox while blocking was disabled (the sample)',
    input: buildCase({ database: sampleList, messages: [message(path, { attachments: [exe] })] }),
    expected: [{ type: 'blocked-attachment', severity: 'medium', ref: { message: path }, details: { attachments: [{ filename: 'invoice.pdf.exe', wildcard: '*.exe' }], listSource: 'database', blockingEnabled: false } }],
  },
  {
    name: "without a database hMailServer's default list applies (*.scr)",
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'Photo.SCR', detectedType: 'pe-executable' })] })] }),
    expected: [{ details: { attachments: [{ wildcard: '*.scr' }], listSource: 'default', blockingEnabled: null } }],
  },
  {
    name: 'the database list replaces the defaults: *.js blocked, *.scr not listed',
    input: buildCase({ database: sampleList, messages: [message(path, { attachments: [attachment({ filename: 'a.js' }), attachment({ filename: 'b.scr' })] })] }),
    expected: [{ details: { attachments: [{ filename: 'a.js' }] } }],
  },
  {
    name: "hMailServer's own removal notice is not a blocked attachment",
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: 'The attachment setup.exe was blocked for delivery by the e-mail server.' })] })] }),
    expected: [],
  },
  {
    name: 'a blocked attachment inside an attached message names that message',
    input: buildCase({ database: sampleList, messages: [message(path, { attachments: [attachment({ filename: 'tool.exe', container: 'fwd.eml' })] })] }),
    expected: [{ summary: expect.stringContaining('carries tool.exe inside the attached message fwd.eml (matches *.exe)'), details: { attachments: [{ filename: 'tool.exe', container: 'fwd.eml' }] } }],
  },
  { name: 'a top-level attachment is not said to be inside anything', input: buildCase({ database: sampleList, messages: [message(path, { attachments: [exe] })] }), expected: [{ summary: expect.not.stringContaining('inside the attached message') }] },
  {
    name: "this server's customised removal notice is not a blocked attachment, even when *.txt is listed",
    input: buildCase({
      database: database({ blockedAttachments: [{ wildcard: '*.txt', description: 'Text' }], serverMessages: { ATTACHMENT_REMOVED: 'Der Anhang %MACRO_FILE% wurde vom Mailserver entfernt.' } }),
      messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: 'Der Anhang setup.exe wurde vom Mailserver entfernt.' })] })],
    }),
    expected: [],
  },
  {
    name: 'the same part without the customised template on record is a blocked .txt',
    input: buildCase({
      database: database({ blockedAttachments: [{ wildcard: '*.txt', description: 'Text' }] }),
      messages: [message(path, { attachments: [attachment({ filename: 'setup.exe.txt', contentType: 'text/plain', detectedType: 'text', textPreview: 'Der Anhang setup.exe wurde vom Mailserver entfernt.' })] })],
    }),
    expected: [{ details: { attachments: [{ filename: 'setup.exe.txt', wildcard: '*.txt' }] } }],
  },
  { name: 'a zip is not on the list: nothing', input: buildCase({ database: sampleList, messages: [message(path, { attachments: [attachment({ filename: 'scan.zip', detectedType: 'zip' })] })] }), expected: [] },
];

describe('blockedAttachment', () => {
  it.each(cases)('$name', (c) => {
    runCase(blockedAttachment, c);
  });
});
