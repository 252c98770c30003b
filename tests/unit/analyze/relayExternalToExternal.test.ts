import { describe, it } from 'vitest';
import { relayExternalToExternal } from '../../../src/lib/analyze/relayExternalToExternal.ts';
import type { DbRecipient } from '../../../src/lib/model/hmailDatabase.ts';
import { buildCase, database, dbMessage, emptyLogs, guid, hop, logEvent, message, session } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const G = guid(0xa4000001);
const path = `hMailServer/Data/${G}.eml`;
const rcpt = (id: number, address: string, localAccountId = 0): DbRecipient => ({ id, messageId: 0xa4000001, address, originalAddress: address, localAccountId });
const queued = (from: string, recipients: DbRecipient[]) =>
  database({ messages: [dbMessage(0xa4000001, { accountId: 0, folderId: 0, type: 1, uid: 0, from, createTime: '2024-05-12 10:34:00', tries: 2 })], recipients });
const spamFile = message(path, {
  returnPath: null,
  from: { name: '', address: 'promo@cheap-pills.example' },
  to: [{ name: '', address: 'target0@gmail.example' }, { name: '', address: 'target10@yahoo.example' }],
  received: [hop({ from: 'kali', fromPtr: null, ip: '203.0.113.9', with: 'ESMTPA', time: '2024-05-12T08:34:00.000Z' })],
});
const externalRcpts = [rcpt(1, 'target0@gmail.example'), rcpt(2, 'target10@yahoo.example')];
const logs = emptyLogs({
  files: [{ path: 'hMailServer/Logs/hmailserver_2024-05-12.log', lines: 120, unparsed: 0, first: null, last: null }],
  sessions: [
    session({ session: 412, start: '2024-05-12 10:15:48.000', authUser: 'bob@northwind.example', authResult: 'ok' }),
    session({ session: 413, start: '2024-05-12 10:34:00.000', mailFrom: 'promo@cheap-pills.example', rcptTo: ['target0@gmail.example'] }),
  ],
  events: [logEvent({ kind: 'logon-ok', localTime: '2024-05-12 10:15:48.000', account: 'bob@northwind.example', lineNo: 109, session: 412 })],
});

const cases: AnalyzerCase[] = [
  {
    name: 'queued outside-to-outside mail, account from the last logon of the same IP (the sample)',
    input: buildCase({ database: queued('promo@cheap-pills.example', externalRcpts), messages: [spamFile], logs }),
    expected: [{
      type: 'relay-external-to-external', severity: 'high', ref: { message: path, account: 'bob@northwind.example', ip: '203.0.113.9' },
      details: { envelopeSender: 'promo@cheap-pills.example', recipients: ['target0@gmail.example', 'target10@yahoo.example'], authenticatedAccount: 'bob@northwind.example', tries: 2, helo: 'kali' },
    }],
  },
  {
    name: 'account from the SMTP session itself when it authenticated',
    input: buildCase({
      database: queued('promo@cheap-pills.example', externalRcpts),
      messages: [spamFile],
      logs: emptyLogs({ sessions: [session({ mailFrom: 'promo@cheap-pills.example', rcptTo: ['target10@yahoo.example'], authUser: 'dave@northwind.example', authResult: 'ok' })] }),
    }),
    expected: [{ ref: { account: 'dave@northwind.example' }, details: { authenticated: true } }],
  },
  {
    name: 'no logs: authenticated per the Received hop, account unknown',
    input: buildCase({ database: queued('promo@cheap-pills.example', externalRcpts), messages: [spamFile] }),
    expected: [{ ref: { message: path, ip: '203.0.113.9' }, details: { authenticated: true, authenticatedAccount: null } }],
  },
  {
    name: 'queue row whose file is gone: reported at the expected path from the database alone',
    input: buildCase({ database: queued('promo@cheap-pills.example', externalRcpts), messages: [message('hMailServer/Data/northwind.example/alice/26/{26000000-0000-4000-8000-000000000000}.eml')] }),
    expected: [{ ref: { message: path }, details: { fileInEvidence: false, authenticated: false } }],
  },
  {
    name: 'queue file without a database: envelope from its headers',
    input: buildCase({ messages: [spamFile] }),
    expected: [{ ref: { message: path }, details: { envelopeSource: 'the queue file headers' } }],
  },
  { name: 'outbound mail of a local sender: nothing', input: buildCase({ database: queued('bob@northwind.example', externalRcpts), messages: [spamFile] }), expected: [] },
  { name: 'inbound mail for a local account waiting in the queue: nothing', input: buildCase({ database: queued('promo@cheap-pills.example', [rcpt(1, 'alice@northwind.example', 1)]), messages: [spamFile] }), expected: [] },
  {
    name: 'outbound mail of a sender at a domain alias: nothing',
    input: buildCase({ database: { ...queued('promo@northwind-traders.example', externalRcpts), domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }] }, messages: [spamFile] }),
    expected: [],
  },
  {
    name: 'inbound mail for an address at a domain alias: nothing',
    input: buildCase({ database: { ...queued('promo@cheap-pills.example', [rcpt(1, 'info@northwind-traders.example')]), domainAliases: [{ domainId: 1, alias: 'northwind-traders.example' }] }, messages: [spamFile] }),
    expected: [],
  },
  {
    name: 'the same sender when the alias is not configured: relayed outside to outside',
    input: buildCase({ database: queued('promo@northwind-traders.example', externalRcpts), messages: [spamFile] }),
    expected: [{ details: { envelopeSender: 'promo@northwind-traders.example' } }],
  },
  { name: 'a bounce (null sender) to an outside sender: nothing', input: buildCase({ database: queued('', externalRcpts), messages: [spamFile] }), expected: [] },
];

describe('relayExternalToExternal', () => {
  it.each(cases)('$name', (c) => {
    runCase(relayExternalToExternal, c);
  });
});
