import { describe, it } from 'vitest';
import { dkimBodyHashMismatch } from '../../../src/lib/analyze/dkimBodyHashMismatch.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { dkim } from './dkimFixtures.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0x45000001));

const cases: AnalyzerCase[] = [
  {
    name: 'bh= no longer matches the body: high',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ bodyHashOk: false, reason: 'body hash mismatch' })] })] }),
    expected: [{ type: 'dkim-body-hash-mismatch', severity: 'high', ref: { message: path }, details: { signatures: [{ domain: 'fabrikam.example', selector: 'sel2024', reason: 'body hash mismatch' }] } }],
  },
  {
    name: 'one of two signatures broken: reported, the intact one named',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ bodyHashOk: false }), dkim({ domain: 'list.example', selector: 's1' })] })] }),
    expected: [{ type: 'dkim-body-hash-mismatch', details: { otherSignaturesIntact: ['d=list.example s=s1'] } }],
  },
  { name: 'body hash matches: nothing', input: buildCase({ messages: [message(path, { dkim: [dkim()] })] }), expected: [] },
  { name: 'body hash could not be computed (null): nothing', input: buildCase({ messages: [message(path, { dkim: [dkim({ bodyHashOk: null, reason: 'unsupported algorithm' })] })] }), expected: [] },
  { name: 'unsigned message: nothing', input: buildCase({ messages: [message(path)] }), expected: [] },
];

describe('dkimBodyHashMismatch', () => {
  it.each(cases)('$name', (c) => {
    runCase(dkimBodyHashMismatch, c);
  });
});
