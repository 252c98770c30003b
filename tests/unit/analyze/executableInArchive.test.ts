import { describe, expect, it } from 'vitest';
import { executableInArchive } from '../../../src/lib/analyze/executableInArchive.ts';
import { attachment, buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('carol@northwind.example', guid(0x00000001));
const zip = (entries: string[]) => buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'scan_0031.zip', contentType: 'application/zip', detectedType: 'zip', archiveEntries: entries })] })] });

const cases: AnalyzerCase[] = [
  { name: 'a .js inside a zip (the sample)', input: zip(['scan_0031.js']), expected: [{ type: 'executable-in-archive', severity: 'high', ref: { message: path }, details: { archives: [{ filename: 'scan_0031.zip', executables: ['scan_0031.js'] }] } }] },
  { name: 'an .exe in a sub-folder of the archive', input: zip(['docs/', 'docs/readme.txt', 'docs/bin/Setup.EXE']), expected: [{ details: { archives: [{ executables: ['docs/bin/Setup.EXE'] }] } }] },
  {
    name: 'an archive inside an attached message names that message',
    input: buildCase({ messages: [message(path, { attachments: [attachment({ filename: 'scan.zip', detectedType: 'zip', archiveEntries: ['run.js'], container: 'fwd.eml' })] })] }),
    expected: [{ summary: expect.stringContaining('the archive "scan.zip" inside the attached message fwd.eml containing run.js'), details: { archives: [{ container: 'fwd.eml' }] } }],
  },
  { name: 'a top-level archive is not said to be inside anything', input: zip(['scan_0031.js']), expected: [{ summary: expect.not.stringContaining('inside the attached message') }] },
  { name: 'documents only: nothing', input: zip(['a.pdf', 'b.docx', 'folder.exe/']), expected: [] },
  { name: 'an attachment that is not an archive: nothing', input: buildCase({ messages: [message(path, { attachments: [attachment()] })] }), expected: [] },
];

describe('executableInArchive', () => {
  it.each(cases)('$name', (c) => {
    runCase(executableInArchive, c);
  });
});
