import { describe, it } from 'vitest';
import { dkimSignatureValid } from '../../../src/lib/analyze/dkimSignatureValid.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { dkim } from './dkimFixtures.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0xcf000001));

const cases: AnalyzerCase[] = [
  {
    name: 'signature and body hash verify with the snapshot key: info',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: true })] })] }),
    expected: [{ type: 'dkim-signature-valid', severity: 'info', ref: { message: path }, details: { signatures: [{ domain: 'fabrikam.example', selector: 'sel2024' }] } }],
  },
  {
    name: 'b= verifies over the headers but the body changed: not valid (the sample altered messages)',
    input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: true, bodyHashOk: false })] })] }),
    expected: [],
  },
  { name: 'without a DNS snapshot: nothing', input: buildCase({ messages: [message(path, { dkim: [dkim()] })] }), expected: [] },
  { name: 'does not verify: nothing here', input: buildCase({ messages: [message(path, { dkim: [dkim({ signatureOk: false })] })] }), expected: [] },
];

describe('dkimSignatureValid', () => {
  it.each(cases)('$name', (c) => {
    runCase(dkimSignatureValid, c);
  });
});
