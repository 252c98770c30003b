import { describe, it } from 'vitest';
import { dateSkew } from '../../../src/lib/analyze/dateSkew.ts';
import { buildCase, database, dbMessage, guid, hop, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0xc1000001));
const row = (createTime: string) => database({ messages: [dbMessage(0xc1000001, { accountId: 2, folderId: 2, createTime })] });

const cases: AnalyzerCase[] = [
  {
    name: 'Date three days before the server Received stamp (the sample backdated message)',
    input: buildCase({ database: row('2024-05-10 08:00:00'), messages: [message(path, { date: '2024-05-07T06:00:00.000Z', received: [hop({ time: '2024-05-10T06:00:00.000Z' })] })] }),
    expected: [{ type: 'date-skew', severity: 'medium', ref: { message: path }, details: { basis: 'received-stamp', skewHours: -72, createTimeUtc: '2024-05-10T06:00:00.000Z' } }],
  },
  {
    name: 'without a server hop, messagecreatetime in server local time (UTC+2) is converted and used',
    input: buildCase({ database: row('2024-05-10 08:00:00'), messages: [message(path, { date: '2024-05-12T06:00:00.000Z', received: [] })] }),
    expected: [{ type: 'date-skew', details: { basis: 'messagecreatetime', skewHours: 48 } }],
  },
  {
    name: 'the offset matters: 23 h apart in UTC is below the 24 h threshold',
    input: buildCase({ database: row('2024-05-10 08:00:00'), messages: [message(path, { date: '2024-05-11T05:00:00.000Z', received: [] })] }),
    expected: [],
  },
  {
    name: 'threshold is an option',
    input: buildCase({ database: row('2024-05-10 08:00:00'), messages: [message(path, { date: '2024-05-10T03:00:00.000Z', received: [hop({ time: '2024-05-10T06:00:00.000Z' })] })] }),
    options: { dateSkewHours: 2 },
    expected: [{ type: 'date-skew', details: { skewHours: -3, thresholdHours: 2 } }],
  },
  {
    name: 'clean message: Date equals receipt',
    input: buildCase({ database: row('2024-05-06 08:00:00'), messages: [message(path)] }),
    expected: [],
  },
  {
    name: 'pre-3.0 placeholder create time and no hop: no basis, nothing',
    input: buildCase({ database: row('1901-01-01 00:00:00'), messages: [message(path, { date: '2024-05-06T06:00:00.000Z', received: [] })] }),
    expected: [],
  },
  { name: 'no Date header: nothing', input: buildCase({ messages: [message(path, { date: null })] }), expected: [] },
];

describe('dateSkew', () => {
  it.each(cases)('$name', (c) => {
    runCase(dateSkew, c);
  });
});
