import { describe, it } from 'vitest';
import { spfFail } from '../../../src/lib/analyze/spfFail.ts';
import type { DnsSnapshot } from '../../../src/lib/model/dnsSnapshot.ts';
import { buildCase, database, guid, hop, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0xcf000001));
const dns: DnsSnapshot = {
  path: 'sample-dns.zone',
  records: [
    { name: 'fabrikam.example', type: 'TXT', ttl: 3600, value: 'v=spf1 ip4:198.51.100.0/24 -all' },
    { name: 'soft.example', type: 'TXT', ttl: 3600, value: 'v=spf1 ip4:198.51.100.0/24 ~all' },
  ],
  problems: [],
};
const fabrikam = (ip: string, p = {}) => message(path, { returnPath: 'treasury@fabrikam.example', received: [hop({ from: 'mail.fabrikam.example', fromPtr: 'mail.fabrikam.example', ip })], ...p });

const cases: AnalyzerCase[] = [
  {
    name: 'computed from the DNS snapshot: the server hop IP is outside the policy (-all)',
    input: buildCase({ database: database(), dns, messages: [fabrikam('203.0.113.77')] }),
    expected: [{ type: 'spf-fail', severity: 'medium', ref: { message: path, ip: '203.0.113.77' }, details: { computed: { domain: 'fabrikam.example', result: 'fail' } } }],
  },
  {
    name: 'softfail policy: low',
    input: buildCase({ database: database(), dns, messages: [fabrikam('203.0.113.77', { returnPath: 'x@soft.example' })] }),
    expected: [{ severity: 'low', details: { computed: { result: 'softfail' } } }],
  },
  {
    name: 'recorded by a relay in Authentication-Results',
    input: buildCase({ messages: [message(path, { authResults: [{ method: 'spf', result: 'fail', raw: 'Authentication-Results: mx.example; spf=fail smtp.mailfrom=x@y.example' }] })] }),
    expected: [{ type: 'spf-fail', severity: 'medium', details: { recorded: [{ result: 'fail' }], computed: null } }],
  },
  { name: 'the sample signed messages: sender inside the policy passes', input: buildCase({ database: database(), dns, messages: [fabrikam('198.51.100.20')] }), expected: [] },
  { name: 'domain without an SPF record in the snapshot (none): nothing', input: buildCase({ database: database(), dns, messages: [message(path)] }), expected: [] },
  {
    name: 'authenticated submission is not judged by SPF',
    input: buildCase({ database: database(), dns, messages: [message(path, { returnPath: 'x@fabrikam.example', received: [hop({ ip: '203.0.113.9', with: 'ESMTPA' })] })] }),
    expected: [],
  },
  { name: 'no snapshot and nothing recorded: nothing', input: buildCase({ database: database(), messages: [fabrikam('203.0.113.77')] }), expected: [] },
];

describe('spfFail', () => {
  it.each(cases)('$name', (c) => {
    runCase(spfFail, c);
  });
});
