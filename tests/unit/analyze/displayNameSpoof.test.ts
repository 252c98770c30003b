import { describe, it } from 'vitest';
import { displayNameSpoof } from '../../../src/lib/analyze/displayNameSpoof.ts';
import { account, buildCase, database, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('carol@northwind.example', guid(0x7b000001));
const from = (name: string, address: string) => ({ from: { name, address } });
const withNames = database({ accounts: [account(1, 'alice@northwind.example', { firstName: 'Alice', lastName: 'Smith' })] });

const cases: AnalyzerCase[] = [
  {
    name: 'a brand in the name, an unrelated domain (the sample phish)',
    input: buildCase({ messages: [message(path, from('PayPal Service', 'service@paypa1-secure.example'))] }),
    expected: [{ type: 'display-name-spoof', severity: 'medium', ref: { message: path }, details: { claims: [{ kind: 'brand', claimed: 'PayPal' }] } }],
  },
  {
    name: 'a brand written with Cyrillic letters is still the brand',
    input: buildCase({ messages: [message(path, from('Р\u0430yP\u0430l', 'x@evil.example'))] }),
    expected: [{ details: { claims: [{ kind: 'brand', claimed: 'PayPal' }] } }],
  },
  {
    name: 'an address in the name that is not the real one: high',
    input: buildCase({ messages: [message(path, from('ceo@northwind.example', 'boss@freemail.example'))] }),
    expected: [{ severity: 'high', details: { claims: [{ kind: 'address', claimed: 'ceo@northwind.example' }] } }],
  },
  {
    name: "a local user's name on an outside address",
    input: buildCase({ database: withNames, messages: [message(path, from('Alice Smith', 'alice.smith@freemail.example'))] }),
    expected: [{ details: { claims: [{ kind: 'local-user', claimed: 'alice@northwind.example' }] } }],
  },
  {
    name: "a local user's name on an address at a domain alias is not outside: nothing",
    input: buildCase({ database: { ...withNames, domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }] }, messages: [message(path, from('Alice Smith', 'alice@northwind-traders.example'))] }),
    expected: [],
  },
  {
    name: 'the same address when the alias is not configured: a local-user claim',
    input: buildCase({ database: withNames, messages: [message(path, from('Alice Smith', 'alice@northwind-traders.example'))] }),
    expected: [{ details: { claims: [{ kind: 'local-user', claimed: 'alice@northwind.example' }] } }],
  },
  { name: "the user's own name on her own address: nothing", input: buildCase({ database: withNames, messages: [message(path, from('Alice Smith', 'alice@northwind.example'))] }), expected: [] },
  { name: 'the real brand domain (subdomain): nothing', input: buildCase({ messages: [message(path, from('PayPal', 'service@mail.paypal.com'))] }), expected: [] },
  { name: 'the real address repeated in the name: nothing', input: buildCase({ messages: [message(path, from('news@contoso.example', 'News@Contoso.example'))] }), expected: [] },
  { name: 'a name that only contains a brand-like word part: nothing', input: buildCase({ messages: [message(path, from('Paypalooza Festival', 'info@festival.example'))] }), expected: [] },
  { name: 'no display name (clean sample mail): nothing', input: buildCase({ messages: [message(path)] }), expected: [] },
];

describe('displayNameSpoof', () => {
  it.each(cases)('$name', (c) => {
    runCase(displayNameSpoof, c);
  });
});
