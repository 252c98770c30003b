import { describe, it } from 'vitest';
import { lookalikeDomain } from '../../../src/lib/analyze/lookalikeDomain.ts';
import { buildCase, database, domain, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('carol@northwind.example', guid(0x7b000001));
const db = database({ domains: [domain(1, 'northwind.example'), domain(2, 'fabrikam.example')] });
const fromAddress = (address: string) => ({ from: { name: '', address }, returnPath: address });

const cases: AnalyzerCase[] = [
  {
    name: 'digit for letter in a brand (the sample: paypa1-secure.example)',
    input: buildCase({ database: db, messages: [message(path, { from: { name: 'PayPal Service', address: 'service@paypa1-secure.example' }, returnPath: 'mailer@bulk-sender.example', replyTo: [{ name: '', address: 'recovery.team@freemail.example' }] })] }),
    expected: [{ type: 'lookalike-domain', severity: 'high', ref: { message: path }, details: { domains: [{ header: 'From', domain: 'paypa1-secure.example', imitates: 'PayPal', kind: 'homoglyph', own: false }] } }],
  },
  {
    name: 'a misspelling of the server own domain: high',
    input: buildCase({ database: db, messages: [message(path, fromAddress('ceo@northwlnd.example'))] }),
    expected: [{ severity: 'high', details: { domains: [{ imitates: 'northwind.example', own: true }] } }],
  },
  {
    name: 'one letter doubled in a brand: medium misspelling',
    input: buildCase({ database: db, messages: [message(path, fromAddress('support@dropboxx.example'))] }),
    expected: [{ severity: 'medium', details: { domains: [{ imitates: 'Dropbox', kind: 'misspelling', distance: 1 }] } }],
  },
  {
    name: 'punycode with a Cyrillic "а": high',
    input: buildCase({ database: db, messages: [message(path, fromAddress('x@xn--pypal-4ve.com'))] }),
    expected: [{ severity: 'high', details: { domains: [{ unicode: 'pаypal.com', kind: 'homoglyph' }] } }],
  },
  {
    name: 'the brand name under another suffix: medium same-name',
    input: buildCase({ database: db, messages: [message(path, fromAddress('x@paypal-secure.example'))] }),
    expected: [{ severity: 'medium', details: { domains: [{ kind: 'same-name' }] } }],
  },
  {
    name: 'a misspelling of a domain alias (hm_domain_aliases) imitates the server own domain',
    input: buildCase({ database: { ...db, domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }] }, messages: [message(path, fromAddress('ceo@northwind-tradres.example'))] }),
    expected: [{ severity: 'high', details: { domains: [{ imitates: 'northwind-traders.example', own: true, kind: 'misspelling' }] } }],
  },
  {
    name: 'without the alias only the primary name is imitated: medium same-name',
    input: buildCase({ database: db, messages: [message(path, fromAddress('ceo@northwind-tradres.example'))] }),
    expected: [{ severity: 'medium', details: { domains: [{ imitates: 'northwind.example', kind: 'same-name' }] } }],
  },
  {
    name: 'mail from a domain alias is the server own: nothing (without the alias the same name under another suffix)',
    input: buildCase({ database: { ...db, domainAliases: [{ domainId: 1, alias: 'northwind.co.uk' }] }, messages: [message(path, fromAddress('ceo@northwind.co.uk'))] }),
    expected: [],
  },
  {
    name: 'the same sender when the alias is not configured: same-name',
    input: buildCase({ database: db, messages: [message(path, fromAddress('ceo@northwind.co.uk'))] }),
    expected: [{ details: { domains: [{ imitates: 'northwind.example', own: true, kind: 'same-name' }] } }],
  },
  {
    name: 'a misspelt brand as a tenant of a hosting suffix (paypall.github.io): the tenant name is the name judged',
    input: buildCase({ database: db, messages: [message(path, fromAddress('x@paypall.github.io'))] }),
    expected: [{ severity: 'medium', details: { domains: [{ domain: 'paypall.github.io', imitates: 'PayPal', kind: 'misspelling', distance: 1 }] } }],
  },
  { name: 'an ordinary tenant of github.io does not imitate GitHub', input: buildCase({ database: db, messages: [message(path, fromAddress('alice@alice.github.io'))] }), expected: [] },
  { name: 'the server own domains: nothing', input: buildCase({ database: db, messages: [message(path, fromAddress('treasury@fabrikam.example'))] }), expected: [] },
  { name: 'the real brand: nothing', input: buildCase({ database: db, messages: [message(path, fromAddress('service@paypal.com'))] }), expected: [] },
  {
    name: 'ordinary domains near a brand are left alone (email/gmail, finance/binance, cloud/icloud)',
    input: buildCase({ database: db, messages: [message(path, fromAddress('a@email.example')), message(`${path}x`, fromAddress('b@finance.example')), message(`${path}y`, fromAddress('c@cloud-hosting.example'))] }),
    expected: [],
  },
  { name: 'clean sample senders: nothing', input: buildCase({ database: db, messages: [message(path, fromAddress('partner0@contoso.example'))] }), expected: [] },
];

describe('lookalikeDomain', () => {
  it.each(cases)('$name', (c) => {
    runCase(lookalikeDomain, c);
  });
});
