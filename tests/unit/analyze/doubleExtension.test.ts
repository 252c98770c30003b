import { describe, expect, it } from 'vitest';
import { doubleExtension } from '../../../src/lib/analyze/doubleExtension.ts';
import { attachment, buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0xc7000001));
const named = (...names: string[]) => buildCase({ messages: [message(path, { attachments: names.map((filename) => attachment({ filename })) })] });

const cases: AnalyzerCase[] = [
  { name: 'invoice.pdf.exe (the sample)', input: named('invoice.pdf.exe'), expected: [{ type: 'double-extension', severity: 'high', ref: { message: path }, details: { attachments: [{ filename: 'invoice.pdf.exe' }] } }] },
  {
    name: 'a disguised executable inside an attached message names that message',
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'fwd.eml', contentType: 'message/rfc822' }), attachment({ filename: 'tool.pdf.exe', container: 'fwd.eml' })] })] }),
    expected: [{ summary: expect.stringContaining('"tool.pdf.exe" inside the attached message fwd.eml, a .pdf name'), details: { attachments: [{ filename: 'tool.pdf.exe', container: 'fwd.eml' }] } }],
  },
  { name: 'a top-level attachment is not said to be inside anything', input: named('invoice.pdf.exe'), expected: [{ summary: expect.not.stringContaining('inside the attached message') }] },
  { name: 'upper case and a script: Scan.JPG.js', input: named('Scan.JPG.js'), expected: [{ details: { attachments: [{ filename: 'Scan.JPG.js' }] } }] },
  { name: 'blanks hiding the real extension', input: named('report.pdf                    .exe'), expected: [{ type: 'double-extension' }] },
  { name: 'a right-to-left override (invoice\u202Efdp.exe)', input: named('invoice\u202Efdp.exe'), expected: [{ type: 'double-extension' }] },
  { name: 'harmless double extensions: archive.tar.gz, jquery.min.js, setup.x64.exe', input: named('archive.tar.gz', 'jquery.min.js', 'setup.x64.exe'), expected: [] },
  {
    name: "hMailServer's removal notice setup.exe.txt is not one",
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'invoice.pdf.exe.txt', textPreview: 'The attachment invoice.pdf.exe was blocked for delivery by the e-mail server.' })] })] }),
    expected: [],
  },
];

describe('doubleExtension', () => {
  it.each(cases)('$name', (c) => {
    runCase(doubleExtension, c);
  });
});
