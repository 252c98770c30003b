import { describe, expect, it } from 'vitest';
import { evidenceDamaged } from '../../../src/lib/analyze/evidenceDamaged.ts';
import type { InventoryEntry } from '../../../src/lib/model/inventoryEntry.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const good = mailboxPath('alice@northwind.example', guid(1));
const bad = mailboxPath('alice@northwind.example', guid(2));
const nul = mailboxPath('alice@northwind.example', guid(3));
const row = (path: string, p: Partial<InventoryEntry> = {}): InventoryEntry => ({ path, kind: 'message', format: 'eml', size: 10, md5: '', sha256: '', status: 'ok', container: 'case.zip', ...p });

const cases: AnalyzerCase[] = [
  {
    name: 'a zip with an unreadable entry, a bomb entry and a damaged directory: one finding for the zip, with what was used',
    input: buildCase({
      inventory: [
        row(good),
        row(bad, { status: 'error', error: 'CRC32 mismatch' }),
        row('bomb.bin', { kind: 'other', format: 'unknown', status: 'skipped', error: 'over 1000:1', refused: 'limit' }),
        row('inner.zip', { kind: 'archive', format: 'zip' }),
        row('inner.zip/x.eml', { container: 'inner.zip' }),
        row('case.zip', { kind: 'archive', format: 'zip', status: 'error', error: 'the end record points 5 bytes past the end of the file', container: undefined }),
      ],
    }),
    expected: [
      {
        type: 'evidence-damaged',
        severity: 'medium',
        ref: { file: 'case.zip' },
        details: { problemCount: 3, entries: 5, entriesUsed: 3, entriesUnreadable: 1, entriesRefused: 1, messagesWithDefects: 0 },
      },
    ],
  },
  {
    name: 'a dump with statements that failed and a message with NUL bytes: low, each on its own evidence item',
    input: buildCase({
      inventory: [row('hmail.sql', { kind: 'dump', format: 'mysql-dump', container: undefined }), row(nul, { container: undefined })],
      parseErrors: [{ path: 'hmail.sql', kind: 'database', reason: 'line 9: unterminated string' }],
      messages: [message(nul, { defects: ['2 NUL byte(s) in the message'] })],
    }),
    expected: [
      { ref: { file: nul }, severity: 'low', details: { messagesWithDefects: 1 } },
      { ref: { file: 'hmail.sql' }, severity: 'low', details: { problems: ['hmail.sql: line 9: unterminated string'] } },
    ],
  },
  {
    name: 'a file named and placed as a message whose content is not one: said, not called missing',
    input: buildCase({ inventory: [row(bad, { kind: 'other', format: 'unknown', status: 'skipped', error: 'unrecognised binary content (PNG image): hashed, not analysed' })] }),
    expected: [{ ref: { file: 'case.zip' }, severity: 'medium', details: { entriesUnreadable: 1, problems: [`${bad}: named and placed as a message file, but its content is not a message (unrecognised binary content (PNG image): hashed, not analysed)`] } }],
  },
  { name: 'clean evidence: nothing', input: buildCase({ inventory: [row(good)], messages: [message(good)] }), expected: [] },
];

describe('evidenceDamaged', () => {
  it.each(cases)('$name', (c) => {
    runCase(evidenceDamaged, c);
  });

  it('says what is wrong and what was still used in its summary', () => {
    const [f] = runCase(evidenceDamaged, cases[0]);
    expect(f.summary).toBe(
      `case.zip is damaged: ${bad}: CRC32 mismatch (and 2 more); 1 unreadable, 1 refused by a safety limit; 3 of 5 entries were still used.`,
    );
  });
});
