import { describe, it } from 'vitest';
import { heloSuspicious } from '../../../src/lib/analyze/heloSuspicious.ts';
import { buildCase, database, domain, guid, hop, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0x5e000001));
const db = database({ domains: [domain(1, 'northwind.example'), domain(2, 'fabrikam.example')] });
const via = (p: Parameters<typeof hop>[0], extra = {}) => buildCase({ database: db, messages: [message(path, { received: [hop(p)], ...extra })] });

const cases: AnalyzerCase[] = [
  {
    name: 'an IP literal (the sample spam)',
    input: via({ from: '[203.0.113.50]', fromPtr: null, ip: '203.0.113.50' }),
    expected: [{ type: 'helo-suspicious', severity: 'medium', ref: { message: path, ip: '203.0.113.50' }, details: { kind: 'ip-literal', helo: '[203.0.113.50]' } }],
  },
  { name: 'a bare word', input: via({ from: 'kali', fromPtr: null, ip: '203.0.113.9' }), expected: [{ details: { kind: 'bare-word' } }] },
  { name: 'localhost', input: via({ from: 'localhost', fromPtr: null, ip: '203.0.113.9' }), expected: [{ details: { kind: 'localhost' } }] },
  { name: "the server's own host name from outside: high", input: via({ from: 'mail.northwind.example', fromPtr: null, ip: '203.0.113.9' }), expected: [{ severity: 'high', details: { kind: 'claims-server' } }] },
  {
    name: 'HELO of an organisation neither the PTR nor the sender belongs to: low',
    input: via({ from: 'mx.bank.example', fromPtr: 'dsl-7.isp.example', ip: '203.0.113.9' }, { returnPath: 'x@shop.example' }),
    expected: [{ severity: 'low', details: { kind: 'foreign-domain' } }],
  },
  {
    name: 'HELO as another tenant of the dynamic-DNS suffix its PTR is under: low',
    input: via({ from: 'mallory.dyndns.org', fromPtr: 'alice.dyndns.org', ip: '203.0.113.9' }, { returnPath: 'x@shop.example' }),
    expected: [{ severity: 'low', details: { kind: 'foreign-domain' } }],
  },
  {
    name: 'HELO as the cloud host its PTR names (a wildcard private suffix, *.compute-1.amazonaws.com): nothing',
    input: via({ from: 'ec2-203-0-113-9.compute-1.amazonaws.com', fromPtr: 'ec2-203-0-113-9.compute-1.amazonaws.com', ip: '203.0.113.9' }, { returnPath: 'x@shop.example' }),
    expected: [],
  },
  { name: 'clean sample mail: relay HELO matches its PTR (outsourced sending is normal)', input: via({}), expected: [] },
  { name: 'another mail host of a local domain (the sample fabrikam mail)', input: via({ from: 'mail.fabrikam.example', fromPtr: 'mail.fabrikam.example', ip: '198.51.100.20' }), expected: [] },
  { name: 'authenticated submission with a workstation name (the sample queue)', input: via({ from: 'kali', fromPtr: null, ip: '203.0.113.9', with: 'ESMTPA' }), expected: [] },
  { name: 'a LAN client', input: via({ from: 'DESKTOP-1', fromPtr: null, ip: '192.168.1.20' }), expected: [] },
  {
    name: 'a hop not written by this server (an IMAP-appended copy) is not judged',
    input: buildCase({
      database: db,
      messages: [message(path, { received: [hop({ from: 'kali', by: 'mx.elsewhere.example' })] }), message(`${path}.2`), message(`${path}.3`)],
    }),
    expected: [],
  },
];

describe('heloSuspicious', () => {
  it.each(cases)('$name', (c) => {
    runCase(heloSuspicious, c);
  });
});
