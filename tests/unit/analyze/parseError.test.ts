import { describe, expect, it } from 'vitest';
import { parseError } from '../../../src/lib/analyze/parseError.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const broken = mailboxPath('alice@northwind.example', guid(1));
const defective = mailboxPath('alice@northwind.example', guid(2));
const dump = 'evidence/hmail.sql';

const manyBadLines: AnalyzerCase = {
  name: 'a dump with many bad lines: one finding per file, ref.file, reasons bounded',
  input: buildCase({ parseErrors: Array.from({ length: 30 }, (_, i) => ({ path: dump, kind: 'database', reason: `line ${i + 1}: unterminated string` })) }),
  expected: [{ type: 'parse-error', severity: 'low', ref: { file: dump }, details: { kind: 'database', problemCount: 30 } }],
};

const cases: AnalyzerCase[] = [
  {
    name: 'an unparseable message: ref.message, reason kept once though reported twice',
    input: buildCase({
      messages: [message(broken, { parseError: 'no header/body separator within 5 MB' })],
      parseErrors: [{ path: broken, kind: 'message', reason: 'no header/body separator within 5 MB' }],
    }),
    expected: [{ type: 'parse-error', severity: 'medium', ref: { message: broken }, details: { kind: 'message', reasons: ['no header/body separator within 5 MB'], problemCount: 1 } }],
  },
  manyBadLines,
  {
    name: 'an archive entry in error in the inventory: medium',
    input: buildCase({
      inventory: [{ path: 'case.zip/broken.7z', kind: 'archive', format: '7z', size: 10, md5: '', sha256: '', status: 'error', error: 'truncated' }],
      parseErrors: [{ path: 'case.zip/broken.7z', kind: 'archive', reason: 'truncated' }],
    }),
    expected: [{ severity: 'medium', ref: { file: 'case.zip/broken.7z' } }],
  },
  {
    name: 'zip-level errors known only from the inventory (CRC mismatch, damaged directory): a finding each',
    input: buildCase({
      inventory: [
        { path: 'case.zip', kind: 'archive', format: 'zip', size: 10, md5: '', sha256: '', status: 'error', error: 'ZIP central directory not found: file truncated or not a zip' },
        { path: broken, kind: 'message', format: 'eml', size: 10, md5: '', sha256: '', status: 'error', error: `CRC32 mismatch in entry ${broken}: its content is damaged`, container: 'case.zip' },
        { path: 'notes.txt', kind: 'other', format: 'unknown', size: 10, md5: '', sha256: '', status: 'skipped', error: 'text not recognised', container: 'case.zip' },
      ],
    }),
    expected: [
      { type: 'parse-error', severity: 'medium', ref: { file: 'case.zip' }, details: { kind: 'archive', reasons: ['ZIP central directory not found: file truncated or not a zip'] } },
      { type: 'parse-error', severity: 'medium', ref: { message: broken }, details: { kind: 'archive', reasons: [`CRC32 mismatch in entry ${broken}: its content is damaged`] } },
    ],
  },
  {
    name: 'a message parsed with defects: info',
    input: buildCase({ messages: [message(defective, { defects: ['missing closing MIME boundary'] })] }),
    expected: [{ type: 'parse-error', severity: 'info', ref: { message: defective }, details: { reasons: ['missing closing MIME boundary'] } }],
  },
  { name: 'clean input: nothing', input: buildCase({ messages: [message(broken)] }), expected: [] },
];

describe('parseError', () => {
  it.each(cases)('$name', (c) => {
    runCase(parseError, c);
  });

  it('keeps the first 20 reasons of a file with 30 problems', () => {
    const [finding] = runCase(parseError, manyBadLines);
    expect(finding.details.reasons).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i + 1}: unterminated string`));
  });
});
