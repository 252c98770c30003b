import { describe, it } from 'vitest';
import { attachmentBlockingDisabled } from '../../../src/lib/analyze/attachmentBlockingDisabled.ts';
import { buildCase, database, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const list = [{ wildcard: '*.exe', description: 'Executable' }, { wildcard: '*.js', description: 'JScript' }];

const cases: AnalyzerCase[] = [
  {
    name: 'enableattachmentblocking = 0 (the sample)',
    input: buildCase({ database: database({ settings: setting('enableattachmentblocking', 0), blockedAttachments: list }) }),
    expected: [{ type: 'attachment-blocking-disabled', severity: 'medium', ref: { setting: 'enableattachmentblocking' }, details: { value: 0, blockedList: ['*.exe', '*.js'], listSource: 'database' } }],
  },
  { name: 'blocking on: nothing', input: buildCase({ database: database({ settings: setting('enableattachmentblocking', 1), blockedAttachments: list }) }), expected: [] },
  { name: 'setting row absent: not guessed', input: buildCase({ database: database() }), expected: [] },
];

describe('attachmentBlockingDisabled', () => {
  it.each(cases)('$name', (c) => {
    runCase(attachmentBlockingDisabled, c);
  });
});
