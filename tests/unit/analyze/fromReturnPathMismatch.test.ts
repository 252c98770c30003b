import { describe, it } from 'vitest';
import { fromReturnPathMismatch } from '../../../src/lib/analyze/fromReturnPathMismatch.ts';
import { buildCase, database, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('carol@northwind.example', guid(0x7b000001));
const from = (address: string, name = '') => ({ name, address });

const cases: AnalyzerCase[] = [
  {
    name: 'From and envelope in different organisations (the sample phish): low',
    input: buildCase({ database: database(), messages: [message(path, { from: from('service@paypa1-secure.example', 'PayPal Service'), returnPath: 'mailer@bulk-sender.example' })] }),
    expected: [{ type: 'from-return-path-mismatch', severity: 'low', ref: { message: path }, details: { fromDomain: 'paypa1-secure.example', returnPathDomain: 'bulk-sender.example', fromIsLocal: false } }],
  },
  {
    name: 'a local From with an outside envelope sender: medium',
    input: buildCase({ database: database(), messages: [message(path, { from: from('ceo@northwind.example'), returnPath: 'x@evil.example' })] }),
    expected: [{ severity: 'medium', details: { fromIsLocal: true } }],
  },
  {
    name: 'a From at a domain alias with an outside envelope sender: medium',
    input: buildCase({ database: database({ domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }] }), messages: [message(path, { from: from('ceo@northwind-traders.example'), returnPath: 'x@evil.example' })] }),
    expected: [{ severity: 'medium', details: { fromIsLocal: true } }],
  },
  {
    name: 'the same message when the alias is not configured: low',
    input: buildCase({ database: database(), messages: [message(path, { from: from('ceo@northwind-traders.example'), returnPath: 'x@evil.example' })] }),
    expected: [{ severity: 'low', details: { fromIsLocal: false } }],
  },
  {
    name: 'bounce subdomain of the same organisation: nothing',
    input: buildCase({ messages: [message(path, { from: from('news@contoso.example'), returnPath: 'bounces+123@mail.contoso.example' })] }),
    expected: [],
  },
  {
    name: 'same organisation under a two-level public suffix: nothing',
    input: buildCase({ messages: [message(path, { from: from('a@shop.example.co.uk'), returnPath: 'b@mailer.example.co.uk' })] }),
    expected: [],
  },
  {
    name: 'two tenants of one hosting suffix (github.io, a private Public Suffix List entry) are two organisations: low',
    input: buildCase({ messages: [message(path, { from: from('alice@alice.github.io'), returnPath: 'x@mallory.github.io' })] }),
    expected: [{ severity: 'low', details: { fromDomain: 'alice.github.io', returnPathDomain: 'mallory.github.io' } }],
  },
  {
    name: 'a subdomain of the same tenant: nothing',
    input: buildCase({ messages: [message(path, { from: from('alice@alice.github.io'), returnPath: 'bounce@mail.alice.github.io' })] }),
    expected: [],
  },
  { name: 'null sender (bounce): nothing', input: buildCase({ messages: [message(path, { returnPath: '' })] }), expected: [] },
  { name: 'no Return-Path (queue file): nothing', input: buildCase({ messages: [message(path, { returnPath: null })] }), expected: [] },
];

describe('fromReturnPathMismatch', () => {
  it.each(cases)('$name', (c) => {
    runCase(fromReturnPathMismatch, c);
  });
});
