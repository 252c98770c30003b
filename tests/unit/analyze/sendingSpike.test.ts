import { describe, it } from 'vitest';
import { sendingSpike } from '../../../src/lib/analyze/sendingSpike.ts';
import type { LogSession } from '../../../src/lib/model/logEvent.ts';
import { buildCase, database, dbMessage, emptyLogs, folder, session } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

function sends(account: string, hour: string, n: number, startId = 0): LogSession[] {
  return Array.from({ length: n }, (_, i) =>
    session({ session: startId + i, start: `${hour}:${String(i % 60).padStart(2, '0')}:00.000`, authUser: account, authResult: 'ok', mailFrom: account, rcptTo: ['x@gmail.example'] }),
  );
}

const baseline = ['2024-05-10 09', '2024-05-10 10', '2024-05-10 11', '2024-05-10 12'].flatMap((h, i) => sends('bob@northwind.example', h, 2, i * 10));

const cases: AnalyzerCase[] = [
  {
    name: '40 messages in one hour against a baseline of 2 (from the SMTP log)',
    input: buildCase({ logs: emptyLogs({ sessions: [...baseline, ...sends('bob@northwind.example', '2024-05-10 13', 40, 100)] }) }),
    expected: [{ type: 'sending-spike', severity: 'medium', ref: { account: 'bob@northwind.example' }, details: { spikes: [{ hour: '2024-05-10 11:00', messages: 40 }], medianPerHour: 2, totalSent: 48 } }],
  },
  {
    name: 'a steady high sender is its own baseline: nothing',
    input: buildCase({ logs: emptyLogs({ sessions: ['2024-05-10 09', '2024-05-10 10', '2024-05-10 11'].flatMap((h, i) => sends('news@northwind.example', h, 30, i * 100)) }) }),
    expected: [],
  },
  {
    name: 'below the minimum count: nothing (the sample: three queued messages)',
    input: buildCase({ logs: emptyLogs({ sessions: sends('bob@northwind.example', '2024-05-12 10', 3) }) }),
    expected: [],
  },
  {
    name: 'without logs: Sent folder rows of the database',
    input: buildCase({
      database: database({
        folders: [folder(1, 1, 'INBOX', 0), folder(5, 1, 'INBOX.Sent', 25)],
        messages: [
          dbMessage(99, { folderId: 5, uid: 26, createTime: '2024-05-10 03:00:00' }),
          ...Array.from({ length: 25 }, (_, i) => dbMessage(100 + i, { folderId: 5, uid: i + 1, createTime: `2024-05-11 03:${String(i).padStart(2, '0')}:00` })),
        ],
      }),
    }),
    expected: [{ ref: { account: 'alice@northwind.example' }, details: { source: 'database (Sent folders and queued mail from local senders)', spikes: [{ hour: '2024-05-11 01:00', messages: 25 }], hoursCovered: 25 } }],
  },
  {
    name: 'one hour of data is no baseline: nothing',
    input: buildCase({ logs: emptyLogs({ sessions: sends('bob@northwind.example', '2024-05-10 13', 40) }) }),
    expected: [],
  },
  {
    name: 'thresholds are options',
    input: buildCase({ logs: emptyLogs({ sessions: [...baseline, ...sends('bob@northwind.example', '2024-05-10 13', 40, 100)] }) }),
    options: { sendingSpikeMinMessages: 50 },
    expected: [],
  },
];

describe('sendingSpike', () => {
  it.each(cases)('$name', (c) => {
    runCase(sendingSpike, c);
  });
});
