import { describe, it } from 'vitest';
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
  { name: 'a zip is not on the list: nothing', input: buildCase({ database: sampleList, messages: [message(path, { attachments: [attachment({ filename: 'scan.zip', detectedType: 'zip' })] })] }), expected: [] },
];

describe('blockedAttachment', () => {
  it.each(cases)('$name', (c) => {
    runCase(blockedAttachment, c);
  });
});
