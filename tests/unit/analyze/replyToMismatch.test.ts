import { describe, it } from 'vitest';
import { replyToMismatch } from '../../../src/lib/analyze/replyToMismatch.ts';
import { buildCase, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('carol@northwind.example', guid(0x7b000001));

const cases: AnalyzerCase[] = [
  {
    name: 'replies go to a freemail address (the sample phish)',
    input: buildCase({ messages: [message(path, { from: { name: 'PayPal Service', address: 'service@paypa1-secure.example' }, replyTo: [{ name: '', address: 'recovery.team@freemail.example' }] })] }),
    expected: [{ type: 'reply-to-mismatch', severity: 'medium', ref: { message: path }, details: { replyTo: ['recovery.team@freemail.example'], replyToDomains: ['freemail.example'] } }],
  },
  {
    name: 'Reply-To in the same organisation: nothing',
    input: buildCase({ messages: [message(path, { from: { name: '', address: 'news@contoso.example' }, replyTo: [{ name: '', address: 'support@help.contoso.example' }] })] }),
    expected: [],
  },
  {
    name: 'Reply-To at another tenant of the same hosting suffix (github.io)',
    input: buildCase({ messages: [message(path, { from: { name: '', address: 'ceo@alice.github.io' }, replyTo: [{ name: '', address: 'ceo@mallory.github.io' }] })] }),
    expected: [{ details: { replyToDomains: ['mallory.github.io'] } }],
  },
  {
    name: 'Reply-To at an IP literal other than the From domain',
    input: buildCase({ messages: [message(path, { from: { name: '', address: 'news@contoso.example' }, replyTo: [{ name: '', address: 'x@[192.0.2.1]' }] })] }),
    expected: [{ details: { replyToDomains: ['[192.0.2.1]'] } }],
  },
  { name: 'no Reply-To: nothing', input: buildCase({ messages: [message(path)] }), expected: [] },
];

describe('replyToMismatch', () => {
  it.each(cases)('$name', (c) => {
    runCase(replyToMismatch, c);
  });
});
