import { describe, expect, it } from 'vitest';
import { contentTypeMismatch } from '../../../src/lib/analyze/contentTypeMismatch.ts';
import { attachment, buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0xc7000001));
const with1 = (p: Parameters<typeof attachment>[0]) => buildCase({ messages: [message(path, { attachments: [attachment(p)] })] });

const cases: AnalyzerCase[] = [
  {
    name: 'a mismatch inside an attached message names that message',
    input: with1({ filename: 'invoice.pdf', contentType: 'application/pdf', detectedType: 'pe-executable', container: 'Fwd: invoice' }),
    expected: [{ summary: expect.stringContaining('"invoice.pdf" inside the attached message Fwd: invoice is'), details: { attachments: [{ container: 'Fwd: invoice' }] } }],
  },
  {
    name: 'a top-level attachment is not said to be inside anything',
    input: with1({ filename: 'invoice.pdf', contentType: 'application/pdf', detectedType: 'pe-executable' }),
    expected: [{ summary: expect.not.stringContaining('inside the attached message') }],
  },
  {
    name: 'an MZ executable declared application/pdf (the sample)',
    input: with1({ filename: 'invoice.pdf.exe', contentType: 'application/pdf', detectedType: 'pe-executable' }),
    expected: [{ type: 'content-type-mismatch', severity: 'high', ref: { message: path }, details: { attachments: [{ contentType: 'application/pdf', extension: 'exe', detectedType: 'pe-executable' }] } }],
  },
  { name: 'a .docx carrying macros (impossible for docx)', input: with1({ filename: 'pay.docx', contentType: 'application/octet-stream', detectedType: 'office-macro' }), expected: [{ severity: 'high' }] },
  { name: 'HTML smuggled as a PDF', input: with1({ filename: 'statement.pdf', contentType: 'application/pdf', detectedType: 'html' }), expected: [{ severity: 'high' }] },
  { name: 'a PNG named .jpg: medium', input: with1({ filename: 'photo.jpg', contentType: 'image/jpeg', detectedType: 'png' }), expected: [{ severity: 'medium' }] },
  { name: 'a docx is a zip: nothing', input: with1({ filename: 'report.docx', contentType: 'application/zip', detectedType: 'ooxml' }), expected: [] },
  { name: 'a zip declared application/zip (the sample archive): nothing', input: with1({ filename: 'scan_0031.zip', contentType: 'application/zip', detectedType: 'zip' }), expected: [] },
  { name: 'an honest executable as octet-stream: nothing', input: with1({ filename: 'tool.exe', contentType: 'application/octet-stream', detectedType: 'pe-executable' }), expected: [] },
  { name: 'inconclusive detection: nothing', input: with1({ filename: 'a.pdf', contentType: 'application/pdf', detectedType: 'unknown' }), expected: [] },
];

describe('contentTypeMismatch', () => {
  it.each(cases)('$name', (c) => {
    runCase(contentTypeMismatch, c);
  });
});
