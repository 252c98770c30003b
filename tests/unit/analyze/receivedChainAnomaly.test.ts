import { describe, it } from 'vitest';
import { receivedChainAnomaly } from '../../../src/lib/analyze/receivedChainAnomaly.ts';
import { buildCase, database, guid, hop, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('alice@northwind.example', guid(0xc8000001));
const db = database();

const cases: AnalyzerCase[] = [
  {
    name: 'an older hop stamped 9 hours after the server received the message (the sample)',
    input: buildCase({
      database: db,
      messages: [message(path, {
        date: '2024-05-09T08:00:00.000Z',
        received: [
          hop({ from: 'relay2.contoso.example', fromPtr: 'relay2.contoso.example', ip: '192.0.2.31', time: '2024-05-09T08:00:00.000Z' }),
          hop({ from: 'relay1.contoso.example', fromPtr: 'relay1.contoso.example', ip: '192.0.2.30', by: 'relay2.contoso.example', with: null, time: '2024-05-09T17:00:00.000Z' }),
        ],
      })],
    }),
    expected: [{ type: 'received-chain-anomaly', severity: 'medium', ref: { message: path }, details: { anomalies: [{ kind: 'out-of-order', hop: 2 }] } }],
  },
  {
    name: 'a hop in the future of the run',
    input: buildCase({ database: db, messages: [message(path, { received: [hop({ time: '2031-01-01T00:00:00.000Z' })], date: '2031-01-01T00:00:00.000Z' })] }),
    expected: [{ details: { anomalies: [{ kind: 'future', hop: 1 }] } }],
  },
  {
    name: 'a relay stamp days before the Date header',
    input: buildCase({
      database: db,
      messages: [message(path, { date: '2024-05-09T08:00:00.000Z', received: [hop({ time: '2024-05-09T08:00:00.000Z' }), hop({ by: 'relay.contoso.example', time: '2024-05-05T08:00:00.000Z' })] })],
    }),
    expected: [{ details: { anomalies: [{ kind: 'before-date', hop: 2 }] } }],
  },
  {
    name: 'a private address between two organisations below the server hop',
    input: buildCase({
      database: db,
      messages: [message(path, { received: [hop(), hop({ from: 'mail.contoso.example', fromPtr: null, ip: '10.1.2.3', by: 'mx.partner.example', time: '2024-05-06T05:59:00.000Z' })] })],
    }),
    expected: [{ details: { anomalies: [{ kind: 'private-ip', hop: 2 }] } }],
  },
  {
    name: 'private addresses inside the sending organisation are normal',
    input: buildCase({
      database: db,
      messages: [message(path, { received: [hop(), hop({ from: 'laptop', fromPtr: null, ip: '192.168.1.20', by: 'mx.contoso.example', time: '2024-05-06T05:59:00.000Z' }), hop({ from: 'a.contoso.example', fromPtr: null, ip: '10.0.0.2', by: 'b.contoso.example', time: '2024-05-06T05:58:00.000Z' })] })],
    }),
    expected: [],
  },
  {
    name: 'private addresses between two hosts of one cloud network (a private suffix of one operator) are normal',
    input: buildCase({
      database: db,
      messages: [message(path, { received: [hop(), hop({ from: 'ec2-198-51-100-7.eu-west-1.compute.amazonaws.com', fromPtr: null, ip: '172.31.5.9', by: 'ec2-198-51-100-8.eu-west-1.compute.amazonaws.com', time: '2024-05-06T05:59:00.000Z' })] })],
    }),
    expected: [],
  },
  {
    name: 'the server own hop from a LAN address is real, not an anomaly',
    input: buildCase({ database: db, messages: [message(path, { received: [hop({ from: 'gw.contoso.example', ip: '10.0.0.1' })] })] }),
    expected: [],
  },
  {
    name: 'minutes of clock drift between relays are tolerated',
    input: buildCase({ database: db, messages: [message(path, { received: [hop(), hop({ by: 'relay.contoso.example', time: '2024-05-06T06:10:00.000Z' })] })] }),
    expected: [],
  },
  { name: 'a clean single-hop message: nothing', input: buildCase({ database: db, messages: [message(path)] }), expected: [] },
];

describe('receivedChainAnomaly', () => {
  it.each(cases)('$name', (c) => {
    runCase(receivedChainAnomaly, c);
  });
});
