import { describe, it } from 'vitest';
import { serverStubMessage } from '../../../src/lib/analyze/serverStubMessage.ts';
import { buildCase, database, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0x55000001));
const STUB_BODY =
  'The mail server could not deliver the message to you since the file C:\\Program Files (x86)\\hMailServer\\Data\\northwind.example\\alice\\3A\\{3A4FCA50-76F4-4492-B302-DF5B25F46B98}.eml does not exist on the server.\r\n\r\nThe file may have been deleted by anti virus software running on the server.\r\n\r\nhMailServer';

const cases: AnalyzerCase[] = [
  {
    name: 'the MESSAGE_FILE_MISSING stub, with the missing file named',
    input: buildCase({ messages: [message(path, { from: { name: '', address: 'Postmaster' }, subject: 'Message undeliverable', text: STUB_BODY })] }),
    expected: [{ type: 'server-stub-message', severity: 'medium', ref: { message: path }, details: { missingFile: 'C:\\Program Files (x86)\\hMailServer\\Data\\northwind.example\\alice\\3A\\{3A4FCA50-76F4-4492-B302-DF5B25F46B98}.eml', matchedBody: true, bodyTemplate: 'default' } }],
  },
  {
    name: 'a customised template: From Postmaster and the exact subject still identify it',
    input: buildCase({ messages: [message(path, { from: { name: 'Postmaster', address: 'postmaster@northwind.example' }, subject: 'Message undeliverable', text: 'Sorry, gone.' })] }),
    expected: [{ type: 'server-stub-message', details: { missingFile: null, matchedBody: false } }],
  },
  {
    name: "this server's customised MESSAGE_FILE_MISSING and MESSAGE_UNDELIVERABLE texts, the file taken from the macro",
    input: buildCase({
      database: database({ serverMessages: { MESSAGE_UNDELIVERABLE: 'Nachricht nicht zustellbar', MESSAGE_FILE_MISSING: 'Die Nachricht kann nicht zugestellt werden, die Datei %MACRO_FILE% fehlt.\r\n\r\nIT' } }),
      messages: [message(path, { from: { name: '', address: 'it@northwind.example' }, subject: 'Nachricht nicht zustellbar', text: 'Die Nachricht kann nicht zugestellt werden, die Datei D:\\Mail\\{AB}.eml fehlt.\n\nIT' })],
    }),
    expected: [{ type: 'server-stub-message', details: { missingFile: 'D:\\Mail\\{AB}.eml', matchedBody: true, bodyTemplate: 'customised' } }],
  },
  {
    name: 'the customised wording from an outside sender without that template on record: nothing',
    input: buildCase({ database: database(), messages: [message(path, { subject: 'Message undeliverable', text: 'Die Nachricht kann nicht zugestellt werden, die Datei x.eml fehlt.' })] }),
    expected: [],
  },
  {
    name: 'a customised subject alone, from an outside sender with other text: nothing',
    input: buildCase({ database: database({ serverMessages: { MESSAGE_UNDELIVERABLE: 'Nachricht nicht zustellbar' } }), messages: [message(path, { subject: 'Nachricht nicht zustellbar', text: 'click here' })] }),
    expected: [],
  },
  {
    name: 'an ordinary bounce ("Message undeliverable: <subject>") is not a stub',
    input: buildCase({ messages: [message(path, { from: { name: '', address: 'mailer-daemon@northwind.example' }, subject: 'Message undeliverable: Invoice', text: 'Your message did not reach some or all of the intended recipients.' })] }),
    expected: [],
  },
  {
    name: 'the subject from an outside sender without the stub body is not a stub',
    input: buildCase({ messages: [message(path, { subject: 'Message undeliverable', text: 'click here' })] }),
    expected: [],
  },
];

describe('serverStubMessage', () => {
  it.each(cases)('$name', (c) => {
    runCase(serverStubMessage, c);
  });
});
