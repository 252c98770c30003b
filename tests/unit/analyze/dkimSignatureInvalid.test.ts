import { describe, it } from 'vitest';
import { dkimSignatureInvalid } from '../../../src/lib/analyze/dkimSignatureInvalid.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { dkim } from './dkimFixtures.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0xee000001));

const cases: AnalyzerCase[] = [
  {
    name: 'b= does not verify with the snapshot key while the body is intact: headers altered',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: false, reason: 'signature does not verify' })] })] }),
    expected: [{ type: 'dkim-signature-invalid', severity: 'high', ref: { message: path }, details: { signatures: [{ domain: 'fabrikam.example', bodyHashOk: true }] } }],
  },
  {
    name: 'body hash already failed: the body-hash finding explains it, not repeated here',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ bodyHashOk: false, signatureOk: false })] })] }),
    expected: [],
  },
  { name: 'no key supplied (signatureOk null): nothing', input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: null })] })] }), expected: [] },
  { name: 'verifies: nothing', input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: true })] })] }), expected: [] },
];

describe('dkimSignatureInvalid', () => {
  it.each(cases)('$name', (c) => {
    runCase(dkimSignatureInvalid, c);
  });
});
