import { describe, it } from 'vitest';
import { forwardingConfigured } from '../../../src/lib/analyze/forwardingConfigured.ts';
import type { DbRule } from '../../../src/lib/model/hmailDatabase.ts';
import { account, buildCase, database, ini, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const rule = (p: Partial<DbRule>): DbRule => ({ id: 1, accountId: 1, name: 'copy all', active: true, useAnd: true, criteria: [], actions: [], ...p });
const action = (type: number, to: string) => ({ type, to, imapFolder: '', routeId: 0, scriptFunction: '' });


const cases: AnalyzerCase[] = [
  {
    name: 'account forwarding to a freemail address (the sample carol)',
    input: buildCase({ database: database({ accounts: [account(3, 'carol@northwind.example', { forwardEnabled: true, forwardAddress: 'carol.private@freemail.example' })] }) }),
    expected: [{ type: 'forwarding-configured', severity: 'medium', ref: { account: 'carol@northwind.example' }, details: { kind: 'account-forward', target: 'carol.private@freemail.example', external: true, keepOriginal: false } }],
  },
  { name: 'forwarding to a colleague on the server: low', input: buildCase({ database: database({ accounts: [account(1, 'alice@northwind.example', { forwardEnabled: true, forwardAddress: 'bob@northwind.example', forwardKeepOriginal: true })] }) }), expected: [{ severity: 'low', details: { external: false, keepOriginal: true } }] },
  {
    name: 'forwarding to a domain alias is judged as before domain aliases were read: outside',
    input: buildCase({ database: database({ domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }], accounts: [account(1, 'alice@northwind.example', { forwardEnabled: true, forwardAddress: 'alice@northwind-traders.example' })] }) }),
    expected: [{ severity: 'medium', details: { external: true } }],
  },
  { name: 'forward address left over but disabled: nothing', input: buildCase({ database: database({ accounts: [account(1, 'alice@northwind.example', { forwardAddress: 'x@freemail.example' })] }) }), expected: [] },
  {
    name: 'account rule copying mail out, global rule forwarding, inactive rule ignored (in findings order: setting refs first)',
    input: buildCase({
      database: database({
        rules: [
          rule({ actions: [action(9, 'drop@evil.example'), action(4, '')] }),
          rule({ id: 2, accountId: 0, name: 'ceo copy', actions: [action(2, 'bob@northwind.example')] }),
          rule({ id: 3, active: false, actions: [action(2, 'x@evil.example')] }),
        ],
      }),
    }),
    expected: [
      { ref: { setting: 'rule:ceo copy' }, severity: 'low', details: { kind: 'rule-forward', global: true } },
      { ref: { account: 'alice@northwind.example' }, severity: 'medium', details: { kind: 'rule-copy', target: 'drop@evil.example' } },
    ],
  },
  { name: 'the server-wide mirror address outside: high', input: buildCase({ database: database({ settings: setting('mirroremailaddress', 0, 'archive@outside.example') }) }), expected: [{ severity: 'high', ref: { setting: 'mirroremailaddress' }, details: { kind: 'mirror' } }] },
  { name: 'ini ArchiveDir', input: buildCase({ ini: ini({ archiveDir: 'D:\\MailArchive', raw: { Settings: { ArchiveHardLinks: '0' } } }) }), expected: [{ severity: 'low', ref: { setting: 'ArchiveDir', file: 'hMailServer/Bin/hMailServer.ini' }, details: { kind: 'archive-dir', target: 'D:\\MailArchive' } }] },
  {
    name: 'an external fetch account and a route taking all addresses of a local domain',
    input: buildCase({
      database: database({
        fetchAccounts: [{ id: 1, accountId: 2, name: 'old isp', serverAddress: 'pop.isp.example', port: 110, userName: 'bob', active: true, daysToKeep: -1 }],
        routes: [{ id: 1, domainName: 'northwind.example', description: '', targetHost: 'smtp.other.example', targetPort: 25, allAddresses: true, useAuthentication: false, authUserName: '' }],
      }),
    }),
    expected: [
      { ref: { setting: 'route:northwind.example' }, severity: 'medium', details: { kind: 'route', localDomain: true } },
      { ref: { account: 'bob@northwind.example' }, severity: 'low', details: { kind: 'external-account', target: 'bob@pop.isp.example:110' } },
    ],
  },
  { name: 'nothing configured: nothing', input: buildCase({ database: database() }), expected: [] },
];

describe('forwardingConfigured', () => {
  it.each(cases)('$name', (c) => {
    runCase(forwardingConfigured, c);
  });
});
